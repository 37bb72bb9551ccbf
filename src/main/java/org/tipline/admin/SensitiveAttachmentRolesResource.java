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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.auth.CurrentStaff;
import org.tipline.platform.Parameters;
import org.tipline.platform.ProblemResponses;

/** Who may view a district's sensitive attachments: administrators any district, coordinators their own. */
// The root of DirectoryAdminResource: a root of its own would win every /api/v1/admin/districts/{id} match.
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "COORDINATOR", "ADMIN" })
@Tag(name = "Directory administration")
public class SensitiveAttachmentRolesResource {

    private final CurrentStaff staff;
    private final DirectoryAdministration administration;
    private final SensitiveAttachmentRoles roles;

    SensitiveAttachmentRolesResource(CurrentStaff staff, DirectoryAdministration administration, SensitiveAttachmentRoles roles) {
        this.staff = staff;
        this.administration = administration;
        this.roles = roles;
    }

    @GET
    @Path("/districts/{id}/sensitive-attachment-roles")
    @Operation(operationId = "adminGetSensitiveAttachmentRoles", summary = "The roles that may view sensitive attachments "
            + "of the district's tips (default COORDINATOR and ANALYST)")
    @APIResponse(responseCode = "200", description = "The roles")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound")
    public SensitiveAttachmentRoles.Roles get(@PathParam("id") String id) {
        return roles.of(administration.scope(staff.id()), Parameters.uuid("id", id));
    }

    @PUT
    @Path("/districts/{id}/sensitive-attachment-roles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminSetSensitiveAttachmentRoles", summary = "Set the roles that may view sensitive attachments "
            + "(sexting and sexual-abuse tips, or marked by staff) of the district's tips; audited")
    @APIResponse(responseCode = "200", description = "The roles now allowed")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound")
    public SensitiveAttachmentRoles.Roles set(@PathParam("id") String id, @Valid @NotNull SensitiveAttachmentRoles.Roles request) {
        return roles.set(administration.scope(staff.id()), Parameters.uuid("id", id), request);
    }
}
