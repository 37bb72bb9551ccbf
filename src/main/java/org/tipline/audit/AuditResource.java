package org.tipline.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.platform.Problem;

/** The audit log, for coordinators and analysts. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "COORDINATOR", "ANALYST" })
@Tag(name = "Audit")
@APIResponse(responseCode = "401", description = "No valid staff token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not a coordinator or analyst",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AuditResource {

    private final AuditLog log;

    AuditResource(AuditLog log) {
        this.log = log;
    }

    /** The answer of a chain verification. */
    @Schema(name = "AuditVerification")
    public record Verification(@Schema(required = true) boolean intact,
            @Schema(description = "Sequence number of the first event whose link is broken") Long firstBrokenEvent) {
    }

    @GET
    @Path("/verify")
    @Operation(operationId = "verifyAudit", summary = "Walk the hash chain and report the first broken link")
    @APIResponse(responseCode = "200", description = "The verification")
    public Verification verify() {
        return log.firstBrokenLink().map(seq -> new Verification(false, seq)).orElse(new Verification(true, null));
    }
}
