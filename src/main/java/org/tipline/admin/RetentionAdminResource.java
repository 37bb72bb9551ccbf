package org.tipline.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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

/** A district's retention policy: how long closed tips keep their content. */
@Path("/api/v1/admin/districts/{id}/retention")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "COORDINATOR", "ADMIN" })
@Tag(name = "Directory administration")
public class RetentionAdminResource {

    private final CurrentStaff staff;
    private final DirectoryAdministration directory;
    private final RetentionAdministration retention;

    RetentionAdminResource(CurrentStaff staff, DirectoryAdministration directory, RetentionAdministration retention) {
        this.staff = staff;
        this.directory = directory;
        this.retention = retention;
    }

    @GET
    @Operation(operationId = "adminGetRetention", summary = "A district's retention policy (its own, else the default)")
    @APIResponse(responseCode = "200", description = "The policy in force")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound")
    public RetentionAdministration.PolicyView policy(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return retention.policy(scope(), Parameters.uuid("id", id));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminSetRetention", summary = "Set a district's retention policy: days after closing "
            + "(never below the configured minimum), longer periods per category, and the review period of tips "
            + "never closed (administrators any district, coordinators their own; audited)")
    @APIResponse(responseCode = "200", description = "The policy now in force")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound")
    public RetentionAdministration.PolicyView setPolicy(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Valid @NotNull RetentionAdministration.PolicyChange change) {
        return retention.replace(scope(), Parameters.uuid("id", id), change);
    }

    private AdminScope scope() {
        return directory.scope(staff.id());
    }
}
