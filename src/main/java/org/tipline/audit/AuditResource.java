package org.tipline.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.auth.CurrentStaff;
import org.tipline.auth.StaffScope;
import org.tipline.platform.Parameters;
import org.tipline.platform.ProblemResponses;

/** The audit log, for coordinators and analysts. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "COORDINATOR", "ANALYST" })
@Tag(name = "Audit")
public class AuditResource {

    private final AuditLog log;
    private final CurrentStaff staff;

    AuditResource(AuditLog log, CurrentStaff staff) {
        this.log = log;
        this.staff = staff;
    }

    @GET
    @Operation(operationId = "listAudit", summary = "Audit events, newest first (a coordinator sees their district's tips)")
    @APIResponse(responseCode = "200", description = "A page of events")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest")
    public AuditEntry.Page list(
            @Parameter(description = "Tip id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("tip") String tip,
            @Parameter(description = "Staff id or system") @QueryParam("actor") String actor,
            @Parameter(description = "Action, e.g. TIP_READ") @QueryParam("action") String action,
            @Parameter(description = "From this instant (ISO-8601)") @QueryParam("from") String from,
            @Parameter(description = "Before this instant (ISO-8601)") @QueryParam("to") String to,
            @Parameter(description = "Page number from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("size") String size) {
        StaffScope scope = staff.scope();
        int pageSize = Parameters.number("size", size, 50, 1, 200);
        return log.list(scope.seesEverything(), scope.schoolIds(), Parameters.optionalUuid("tip", tip),
                Parameters.optionalText("actor", actor, 200), Parameters.optionalText("action", action, 200),
                Parameters.optionalInstant("from", from), Parameters.optionalInstant("to", to),
                Parameters.pageNumber("page", page, pageSize), pageSize);
    }

    @GET
    @Path("/verify")
    @Operation(operationId = "verifyAudit", summary = "Walk the keyed hash chain and report the first broken link, or where it ends")
    @APIResponse(responseCode = "200", description = "The verification")
    public AuditChain.Verification verify() {
        return log.verify();
    }
}
