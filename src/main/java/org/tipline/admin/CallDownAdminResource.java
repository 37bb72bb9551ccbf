package org.tipline.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.auth.CurrentStaff;
import org.tipline.platform.Parameters;
import org.tipline.platform.ProblemResponses;

/** The call-down ladders of life-safety tips, per school, agency or district. */
@Path("/api/v1/admin/call-down/{ownerId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "COORDINATOR", "ADMIN" })
@Tag(name = "Directory administration")
public class CallDownAdminResource {

    private final CurrentStaff staff;
    private final DirectoryAdministration directory;
    private final CallDownAdministration callDown;

    CallDownAdminResource(CurrentStaff staff, DirectoryAdministration directory, CallDownAdministration callDown) {
        this.staff = staff;
        this.directory = directory;
        this.callDown = callDown;
    }

    @GET
    @Operation(operationId = "adminGetCallDown", summary = "The call-down ladder in force for a school (its own, else its "
            + "agency's, else its district's, else the default), or the one set on an agency or district")
    @APIResponse(responseCode = "200", description = "The steps, in the order they are called, and where they come from")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound")
    public CallDownAdministration.LadderView ladder(@PathParam("ownerId") String ownerId) {
        return callDown.ladder(scope(), Parameters.uuid("ownerId", ownerId));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminSetCallDown", summary = "Set the call-down ladder of a school, agency (administrators "
            + "only) or district: 1 to 10 steps, each a contact and its minutes after submission, never earlier than "
            + "the step before")
    @APIResponse(responseCode = "200", description = "The ladder now in force")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound")
    public CallDownAdministration.LadderView setLadder(@PathParam("ownerId") String ownerId,
            @Valid @NotNull CallDownAdministration.LadderChange change) {
        return callDown.replace(scope(), Parameters.uuid("ownerId", ownerId), change);
    }

    @DELETE
    @Operation(operationId = "adminRemoveCallDown", summary = "Remove a school's, agency's or district's own ladder: "
            + "the one it inherits applies again")
    @APIResponse(responseCode = "204", description = "Removed")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound")
    public Response removeLadder(@PathParam("ownerId") String ownerId) {
        callDown.remove(scope(), Parameters.uuid("ownerId", ownerId));
        return Response.noContent().build();
    }

    private AdminScope scope() {
        return directory.scope(staff.id());
    }
}
