package org.tipline.incidents;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

/** Incidents: tips about the same event, linked by staff in scope, and suggestions of tips to link. */
@Path("/api/v1/staff")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "SRO", "COUNSELOR", "COORDINATOR", "ANALYST" })
@Tag(name = "Case work")
public class IncidentResource {

    private final CurrentStaff staff;
    private final Incidents incidents;
    private final SimilarTips similar;

    IncidentResource(CurrentStaff staff, Incidents incidents, SimilarTips similar) {
        this.staff = staff;
        this.incidents = incidents;
        this.similar = similar;
    }

    @GET
    @Path("/tips/{id}/incident")
    @Operation(operationId = "getTipIncident", summary = "The tip's incident and its other tips within my scope")
    @APIResponse(responseCode = "200", description = "The incident (no incidentId when the tip stands alone)")
    @Extension(name = ProblemResponses.EXTENSION, value = "TipNotFound")
    public IncidentViews.View incident(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return incidents.of(staff.scope(), Parameters.uuid("id", id));
    }

    @POST
    @Path("/tips/{id}/incident")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "linkTipIncident", summary = "Link another tip about the same event (merges their incidents)")
    @APIResponse(responseCode = "204", description = "Linked (also when they already were)")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest TipNotFound")
    public void link(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Valid @NotNull IncidentViews.Link request) {
        incidents.link(staff.scope(), Parameters.uuid("id", id), request.tipId());
    }

    @DELETE
    @Path("/tips/{id}/incident")
    @Operation(operationId = "unlinkTipIncident", summary = "Take the tip out of its incident")
    @APIResponse(responseCode = "204", description = "Taken out (also when it was in none); an incident left with one tip is dissolved")
    @Extension(name = ProblemResponses.EXTENSION, value = "TipNotFound IllegalTransition")
    public void unlink(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        incidents.unlink(staff.scope(), Parameters.uuid("id", id));
    }

    @GET
    @Path("/tips/{id}/similar")
    @Operation(operationId = "getSimilarTips", summary = "Tips within my scope that may be about the same event, most alike first")
    @APIResponse(responseCode = "200", description = "At most 10 suggestions: same school or district, overlapping category, "
            + "within 72 hours; ranked by text similarity computed in memory (nothing derived from content is stored)")
    @Extension(name = ProblemResponses.EXTENSION, value = "TipNotFound")
    public List<IncidentViews.Suggestion> similar(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return similar.of(staff.scope(), Parameters.uuid("id", id));
    }
}
