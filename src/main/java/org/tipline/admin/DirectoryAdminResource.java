package org.tipline.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.auth.CurrentStaff;
import org.tipline.platform.Parameters;
import org.tipline.platform.ProblemResponses;

/** Directory administration: admins everywhere, coordinators in their district. */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "COORDINATOR", "ADMIN" })
@Tag(name = "Directory administration")
public class DirectoryAdminResource {

    private final CurrentStaff staff;
    private final DirectoryAdministration administration;
    private final StaffAdministration staffAdministration;
    private final Approvals approvalsService;

    DirectoryAdminResource(CurrentStaff staff, DirectoryAdministration administration, StaffAdministration staffAdministration,
            Approvals approvalsService) {
        this.staff = staff;
        this.administration = administration;
        this.staffAdministration = staffAdministration;
        this.approvalsService = approvalsService;
    }

    @GET
    @Path("/districts")
    @Operation(operationId = "adminListDistricts", summary = "Districts I administer: all for administrators, their own "
            + "for coordinators")
    @APIResponse(responseCode = "200", description = "The districts, with their business hours, days and holidays")
    public List<AdminViews.DistrictRow> districts() {
        return administration.districts(scope());
    }

    @POST
    @Path("/districts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminCreateDistrict", summary = "Add a district (administrators only); business hours "
            + "07:30-16:30, Monday to Friday, no holidays until changed")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminViews.DistrictRow.class)))
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest AlreadyExists")
    public Response createDistrict(@Valid @NotNull AdminRequests.NewDistrict request) {
        return Response.status(Response.Status.CREATED).entity(administration.createDistrict(scope(), request)).build();
    }

    @GET
    @Path("/districts/{id}")
    @Operation(operationId = "adminGetDistrict", summary = "A district I administer")
    @APIResponse(responseCode = "200", description = "The district")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound")
    public AdminViews.DistrictRow district(@PathParam("id") String id) {
        return administration.district(scope(), Parameters.uuid("id", id));
    }

    @PUT
    @Path("/districts/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminChangeDistrict", summary = "Set a district's name, time zone, business hours, business "
            + "days and holidays, all at once (administrators any district, coordinators their own); the deadlines of "
            + "tips that arrive from then on follow them")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminViews.DistrictRow.class)))
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound AlreadyExists")
    public AdminViews.DistrictRow changeDistrict(@PathParam("id") String id, @Valid @NotNull AdminRequests.DistrictChange request) {
        return administration.changeDistrict(scope(), Parameters.uuid("id", id), request);
    }

    @GET
    @Path("/schools")
    @Operation(operationId = "adminListSchools", summary = "Schools I administer, active or not")
    @APIResponse(responseCode = "200", description = "The schools")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound")
    public List<AdminViews.SchoolRow> schools() {
        return administration.schools(scope());
    }

    @POST
    @Path("/schools")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminCreateSchool", summary = "Add a school")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminViews.SchoolRow.class)))
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound AlreadyExists")
    public Response createSchool(@Valid @NotNull AdminRequests.NewSchool request) {
        return Response.status(Response.Status.CREATED).entity(administration.createSchool(scope(), request)).build();
    }

    @POST
    @Path("/schools/{id}/deactivate")
    @Operation(operationId = "adminDeactivateSchool", summary = "Take a school off the public list (its tips stay)")
    @APIResponse(responseCode = "204", description = "Done")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound")
    public void deactivateSchool(@PathParam("id") String id) {
        administration.setSchoolActive(scope(), Parameters.uuid("id", id), false);
    }

    @POST
    @Path("/schools/{id}/activate")
    @Operation(operationId = "adminActivateSchool", summary = "Put a school back on the public list")
    @APIResponse(responseCode = "204", description = "Done")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound")
    public void activateSchool(@PathParam("id") String id) {
        administration.setSchoolActive(scope(), Parameters.uuid("id", id), true);
    }

    @GET
    @Path("/agencies")
    @Operation(operationId = "adminListAgencies", summary = "Every agency; their mobile numbers to administrators only")
    @APIResponse(responseCode = "200", description = "The agencies, by name")
    public List<AdminViews.AgencyRow> agencies() {
        return administration.agencies(scope());
    }

    @POST
    @Path("/agencies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminCreateAgency", summary = "Add a law-enforcement agency (administrators only)")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminViews.AgencyRow.class)))
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound AlreadyExists")
    public Response createAgency(@Valid @NotNull AdminRequests.NewAgency request) {
        return Response.status(Response.Status.CREATED).entity(administration.createAgency(scope(), request)).build();
    }

    @PUT
    @Path("/agencies/{id}/mobiles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminSetAgencyMobiles", summary = "Set an agency's on-call and supervisor mobile numbers, "
            + "both at once; null removes one (administrators only)")
    @APIResponse(responseCode = "200", description = "Set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminViews.AgencyRow.class)))
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound")
    public AdminViews.AgencyRow setAgencyMobiles(@PathParam("id") String id, @Valid @NotNull AdminRequests.AgencyMobiles request) {
        return administration.setAgencyMobiles(scope(), Parameters.uuid("id", id), request);
    }

    @GET
    @Path("/staff")
    @Operation(operationId = "adminListStaff", summary = "Staff I administer")
    @APIResponse(responseCode = "200", description = "The staff")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound")
    public List<AdminViews.StaffRow> staff() {
        return staffAdministration.staff(scope());
    }

    @POST
    @Path("/staff")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminCreateStaff", summary = "Add a staff account: its owner gets an invitation to set a "
            + "password at their own address; an analyst account waits for a second administrator")
    @APIResponse(responseCode = "201", description = "Added; the invitation is mailed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminViews.Invited.class)))
    @APIResponse(responseCode = "202", description = "Waiting for a second administrator (analyst accounts)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminViews.ApprovalRow.class)))
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound AlreadyExists")
    public Response createStaff(@Valid @NotNull AdminRequests.NewStaff request) {
        return answer(staffAdministration.create(scope(), request), Response.Status.CREATED);
    }

    @POST
    @Path("/staff/{id}/disable")
    @Operation(operationId = "adminDisableStaff", summary = "Disable an account: its tokens stop working at once")
    @APIResponse(responseCode = "204", description = "Done")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound")
    public void disableStaff(@PathParam("id") String id) {
        staffAdministration.disable(scope(), Parameters.uuid("id", id));
    }

    @POST
    @Path("/staff/{id}/reset")
    @Operation(operationId = "adminResetStaff", summary = "Clear the password and TOTP, revoke every token and mail the "
            + "owner an invitation to set a new password; an analyst's waits for a second administrator")
    @APIResponse(responseCode = "200", description = "Reset; the invitation is mailed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminViews.Invited.class)))
    @APIResponse(responseCode = "202", description = "Waiting for a second administrator (analyst accounts)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminViews.ApprovalRow.class)))
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound")
    public Response resetStaff(@PathParam("id") String id) {
        return answer(staffAdministration.reset(scope(), Parameters.uuid("id", id)), Response.Status.OK);
    }

    @PUT
    @Path("/staff/{id}/email")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminChangeStaffEmail", summary = "Change an account's mail address: the old address is "
            + "told, the new one invited, the old password ends; an analyst's waits for a second administrator")
    @APIResponse(responseCode = "200", description = "Changed; the invitation is mailed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminViews.Invited.class)))
    @APIResponse(responseCode = "202", description = "Waiting for a second administrator (analyst accounts)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminViews.ApprovalRow.class)))
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound AlreadyExists")
    public Response changeStaffEmail(@PathParam("id") String id, @Valid @NotNull AdminRequests.EmailChange request) {
        return answer(staffAdministration.changeEmail(scope(), Parameters.uuid("id", id), request.email()), Response.Status.OK);
    }

    @PUT
    @Path("/staff/{id}/mobile")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminSetStaffMobile", summary = "Set the mobile number SMS alerts reach, or remove it with "
            + "null; the owner is told, the audit log records the change without the number")
    @APIResponse(responseCode = "200", description = "Set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminViews.StaffRow.class)))
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound")
    public AdminViews.StaffRow setStaffMobile(@PathParam("id") String id, @Valid @NotNull AdminRequests.MobileChange request) {
        return staffAdministration.setMobile(scope(), Parameters.uuid("id", id), request.mobile());
    }

    @GET
    @Path("/approvals")
    @Operation(operationId = "adminListApprovals", summary = "Analyst account changes waiting for a second administrator")
    @APIResponse(responseCode = "200", description = "The pending requests")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound")
    public List<AdminViews.ApprovalRow> approvals() {
        return approvalsService.pending(scope());
    }

    @POST
    @Path("/approvals/{id}/approve")
    @Operation(operationId = "adminApprove", summary = "Approve another administrator's request: it is carried out")
    @APIResponse(responseCode = "200", description = "Carried out; the invitation is mailed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminViews.Invited.class)))
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound AlreadyExists")
    public AdminViews.Invited approve(@PathParam("id") String id) {
        return approvalsService.approve(scope(), Parameters.uuid("id", id));
    }

    @POST
    @Path("/approvals/{id}/reject")
    @Operation(operationId = "adminReject", summary = "Reject another administrator's request")
    @APIResponse(responseCode = "204", description = "Rejected")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound AlreadyExists")
    public void reject(@PathParam("id") String id) {
        approvalsService.reject(scope(), Parameters.uuid("id", id));
    }

    @GET
    @Path("/assignments")
    @Operation(operationId = "adminListAssignments", summary = "Assignments to the schools I administer")
    @APIResponse(responseCode = "200", description = "The assignments, by staff email and school")
    public List<AdminViews.AssignmentRow> assignments() {
        return staffAdministration.assignments(scope());
    }

    @PUT
    @Path("/staff/{staffId}/assignments/{schoolId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminAssign", summary = "Assign a staff member to a school as SRO or counselor")
    @APIResponse(responseCode = "204", description = "Done")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound")
    public void assign(@PathParam("staffId") String staffId, @PathParam("schoolId") String schoolId,
            @Valid @NotNull AdminRequests.Assign request) {
        staffAdministration.assign(scope(), Parameters.uuid("staffId", staffId), Parameters.uuid("schoolId", schoolId), request);
    }

    @DELETE
    @Path("/staff/{staffId}/assignments/{schoolId}")
    @Operation(operationId = "adminUnassign", summary = "End an assignment")
    @APIResponse(responseCode = "204", description = "Done")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound")
    public void unassign(@PathParam("staffId") String staffId, @PathParam("schoolId") String schoolId) {
        staffAdministration.unassign(scope(), Parameters.uuid("staffId", staffId), Parameters.uuid("schoolId", schoolId));
    }

    /** An invitation sent ({@code done}), or 202 with the request waiting for a second administrator. */
    private static Response answer(AdminViews.ChangeResult result, Response.Status done) {
        return result.pending() != null ? Response.status(Response.Status.ACCEPTED).entity(result.pending()).build()
                : Response.status(done).entity(result.invited()).build();
    }

    private AdminScope scope() {
        return administration.scope(staff.id());
    }
}
