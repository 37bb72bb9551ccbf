package org.tipline.casework;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.auth.CurrentStaff;
import org.tipline.auth.StaffScope;
import org.tipline.platform.Parameters;
import org.tipline.platform.ProblemResponses;

/** The triage queue and case work of SROs, counselors, coordinators and analysts, within their scope. */
@Path("/api/v1/staff")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "SRO", "COUNSELOR", "COORDINATOR", "ANALYST" })
@Tag(name = "Case work")
public class StaffTipResource {

    private final CurrentStaff staff;
    private final TipQueue queue;
    private final CaseFiles files;
    private final CaseLifecycle lifecycle;

    StaffTipResource(CurrentStaff staff, TipQueue queue, CaseFiles files, CaseLifecycle lifecycle) {
        this.staff = staff;
        this.queue = queue;
        this.files = files;
        this.lifecycle = lifecycle;
    }

    @GET
    @Path("/queue")
    @Operation(operationId = "getQueue", summary = "Open tips of my scope, life-safety first, then oldest")
    @APIResponse(responseCode = "200", description = "A page of the queue")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest")
    public QueuePage queue(
            @Parameter(description = "NEW, ACKNOWLEDGED, IN_PROGRESS or CLOSED (default: all but CLOSED)") @QueryParam("status") String status,
            @Parameter(description = "LIFE_SAFETY or STANDARD") @QueryParam("urgency") String urgency,
            @Parameter(description = "School id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("school") String school,
            @Parameter(description = "Category code") @QueryParam("category") String category,
            @Parameter(description = "One tip's reference, such as T-2026-000123 (case and spaces around it ignored); "
                    + "finds it whatever its status, closed included, if it is in my scope") @QueryParam("reference") String reference,
            @Parameter(description = "Only tips past their deadline and not acknowledged") @QueryParam("overdue") String overdue,
            @Parameter(description = "Page number from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (default 25)") @QueryParam("size") String size) {
        return queue.page(scope(), QueueFilter.parse(status, urgency, school, category, reference, overdue, page, size));
    }

    @GET
    @Path("/tips/{id}")
    @Operation(operationId = "getTip", summary = "A tip of my scope, decrypted; every read is audited")
    @APIResponse(responseCode = "200", description = "The tip")
    @Extension(name = ProblemResponses.EXTENSION, value = "TipNotFound")
    public TipDetail tip(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return files.read(scope(), Parameters.uuid("id", id));
    }

    @POST
    @Path("/tips/{id}/acknowledge")
    @Operation(operationId = "acknowledgeTip", summary = "Acknowledge a new tip: stops its escalation")
    @APIResponse(responseCode = "204", description = "Acknowledged")
    @Extension(name = ProblemResponses.EXTENSION, value = "TipNotFound IllegalTransition")
    public void acknowledge(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        lifecycle.acknowledge(scope(), Parameters.uuid("id", id));
    }

    @POST
    @Path("/tips/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setTipStatus", summary = "Start working on an acknowledged tip (status IN_PROGRESS)")
    @APIResponse(responseCode = "204", description = "Done")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest TipNotFound IllegalTransition")
    public void status(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Valid @NotNull CaseRequests.Status request) {
        lifecycle.setStatus(scope(), Parameters.uuid("id", id), request.status());
    }

    @POST
    @Path("/tips/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "closeTip", summary = "Close with an outcome")
    @APIResponse(responseCode = "204", description = "Closed")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest TipNotFound IllegalTransition")
    public void close(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Valid @NotNull CaseRequests.Close request) {
        lifecycle.close(scope(), Parameters.uuid("id", id), request.outcome(), request.closingNote());
    }

    @POST
    @Path("/tips/{id}/reopen")
    @Operation(operationId = "reopenTip", summary = "Reopen a closed tip")
    @APIResponse(responseCode = "204", description = "Reopened")
    @Extension(name = ProblemResponses.EXTENSION, value = "TipNotFound IllegalTransition")
    public void reopen(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        lifecycle.reopen(scope(), Parameters.uuid("id", id));
    }

    @POST
    @Path("/tips/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addTipNote", summary = "Add a staff-only note (encrypted)")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Created.class)))
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest TipNotFound IllegalTransition")
    public Response note(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Valid @NotNull CaseRequests.Text request) {
        return created(lifecycle.addNote(scope(), Parameters.uuid("id", id), request.body()));
    }

    @POST
    @Path("/tips/{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addTipMessage", summary = "Send a message to the reporter (encrypted)")
    @APIResponse(responseCode = "201", description = "Sent", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Created.class)))
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest TipNotFound IllegalTransition")
    public Response message(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Valid @NotNull CaseRequests.Text request) {
        return created(lifecycle.addMessage(scope(), Parameters.uuid("id", id), request.body()));
    }

    @POST
    @Path("/tips/{id}/lead")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "assignTipLead", summary = "Make a staff member who serves the school the lead")
    @APIResponse(responseCode = "204", description = "Assigned")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest TipNotFound IllegalTransition")
    public void lead(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Valid @NotNull CaseRequests.Lead request) {
        lifecycle.assignLead(scope(), Parameters.uuid("id", id), request.staffId());
    }

    @POST
    @Path("/tips/{id}/reassign")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reassignTip", summary = "Move the tip to another school; it is routed again")
    @APIResponse(responseCode = "204", description = "Reassigned")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest TipNotFound IllegalTransition")
    public void reassign(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Valid @NotNull CaseRequests.Reassign request) {
        lifecycle.reassign(scope(), Parameters.uuid("id", id), request.schoolId());
    }

    /** The id of what a POST created. */
    @Schema(name = "Created")
    public record Created(@Schema(required = true) UUID id) {
    }

    private static Response created(UUID id) {
        return Response.status(Response.Status.CREATED).entity(new Created(id)).build();
    }

    private StaffScope scope() {
        return staff.scope();
    }
}
