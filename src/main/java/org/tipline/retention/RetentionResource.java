package org.tipline.retention;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.auth.CurrentStaff;
import org.tipline.platform.Parameters;
import org.tipline.platform.ProblemResponses;

/** Legal holds, the district lists of held and flagged tips, and a tip's access log: coordinators and analysts. */
@Path("/api/v1/staff")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "COORDINATOR", "ANALYST" })
@Tag(name = "Retention")
public class RetentionResource {

    private final CurrentStaff staff;
    private final LegalHolds holds;
    private final AccessLog accessLog;

    RetentionResource(CurrentStaff staff, LegalHolds holds, AccessLog accessLog) {
        this.staff = staff;
        this.holds = holds;
        this.accessLog = accessLog;
    }

    /** Why a hold is placed or released. */
    @Schema(name = "LegalHoldRequest")
    public record HoldRequest(@Schema(required = true, maxLength = 1000) @NotBlank @Size(max = 1000) String reason) {
    }

    @POST
    @Path("/tips/{id}/legal-hold")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "placeLegalHold", summary = "Put a tip of my scope on legal hold: it is never shredded "
            + "while the hold lasts (audited)")
    @APIResponse(responseCode = "200", description = "On hold; the tip's retention state")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest TipNotFound IllegalTransition")
    public TipRetention place(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Valid @NotNull HoldRequest request) {
        return holds.place(staff.scope(), Parameters.uuid("id", id), request.reason());
    }

    @DELETE
    @Path("/tips/{id}/legal-hold")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "releaseLegalHold", summary = "Release a tip's legal hold, saying why; it is shredded at the "
            + "next run of the job if its retention period has passed (audited)")
    @APIResponse(responseCode = "200", description = "Released; the tip's retention state")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest TipNotFound IllegalTransition")
    public TipRetention release(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Valid @NotNull HoldRequest request) {
        return holds.release(staff.scope(), Parameters.uuid("id", id), request.reason());
    }

    @GET
    @Path("/tips/{id}/access-log")
    @Operation(operationId = "getTipAccessLog", summary = "Who opened a tip's case file and when, newest first, from the "
            + "audit log (reading it is audited as well)")
    @APIResponse(responseCode = "200", description = "The openings")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest TipNotFound")
    public List<AccessLog.Access> accessLog(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return accessLog.of(staff.scope(), Parameters.uuid("id", id));
    }

    @GET
    @Path("/districts/{id}/legal-holds")
    @Operation(operationId = "listLegalHolds", summary = "The tips of a district on legal hold (coordinators their own "
            + "district, analysts any)")
    @APIResponse(responseCode = "200", description = "Held tips, oldest hold first")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound")
    public List<LegalHolds.HeldTip> heldTips(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return holds.heldIn(staff.scope(), Parameters.uuid("id", id));
    }

    @GET
    @Path("/districts/{id}/retention-review")
    @Operation(operationId = "listRetentionReview", summary = "The tips of a district flagged because they stayed open "
            + "past the district's review period (they are kept, never shredded while open)")
    @APIResponse(responseCode = "200", description = "Flagged tips that are still open, oldest first")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound")
    public List<LegalHolds.FlaggedTip> flaggedTips(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return holds.flaggedIn(staff.scope(), Parameters.uuid("id", id));
    }
}
