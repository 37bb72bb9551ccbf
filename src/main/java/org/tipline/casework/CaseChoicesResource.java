package org.tipline.casework;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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

/** The choices the console offers in case work: schools to filter by and move tips to, staff who may lead a tip. */
@Path("/api/v1/staff")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "SRO", "COUNSELOR", "COORDINATOR", "ANALYST" })
@Tag(name = "Case work")
public class CaseChoicesResource {

    private final CurrentStaff staff;
    private final CaseChoices choices;

    CaseChoicesResource(CurrentStaff staff, CaseChoices choices) {
        this.staff = staff;
        this.choices = choices;
    }

    @GET
    @Path("/schools")
    @Operation(operationId = "getMySchools", summary = "The schools of the districts I serve (analysts: all), each saying "
            + "whether I serve it; tips move only within their district, except for analysts")
    @APIResponse(responseCode = "200", description = "The schools, by name")
    public List<CaseViews.SchoolChoice> schools() {
        return choices.schools(staff.scope());
    }

    @GET
    @Path("/tips/{id}/leads")
    @Operation(operationId = "getTipLeadChoices", summary = "Who may lead a tip of my scope: the active staff who serve "
            + "its school, then the analysts")
    @APIResponse(responseCode = "200", description = "The staff who may be made the lead")
    @Extension(name = ProblemResponses.EXTENSION, value = "TipNotFound")
    public List<CaseViews.LeadChoice> leads(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return choices.leads(staff.scope(), Parameters.uuid("id", id));
    }
}
