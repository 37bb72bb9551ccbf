package org.tipline.intake;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.auth.CurrentStaff;
import org.tipline.platform.ProblemResponses;

/** Tips that staff take on other channels (an analyst on the phone, a counselor a student walked in to). */
// The same root as the case-work resource: a root of its own (/api/v1/staff/tips) would win the match for every
// /api/v1/staff/tips/{id} request and answer 404.
@Path("/api/v1/staff")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "SRO", "COUNSELOR", "COORDINATOR", "ANALYST" })
@Tag(name = "Case work")
public class TakenTipResource {

    private final TipIntake intake;
    private final CurrentStaff staff;

    TakenTipResource(TipIntake intake, CurrentStaff staff) {
        this.intake = intake;
        this.staff = staff;
    }

    @POST
    @Path("/tips")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "takeTip", summary = "Enter a tip taken by phone, in person, by mail or text: routed like a "
            + "web tip; read the case code to the caller once, so that they can follow up on the web")
    @APIResponse(responseCode = "201", description = "Stored; the case code is shown only in this answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TipReceipt.class)))
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest TooLarge UnsupportedMediaType")
    public Response take(@Valid @NotNull TakenTip taken) {
        return Response.status(Response.Status.CREATED).entity(intake.submitTakenByStaff(taken, staff.id())).build();
    }
}
