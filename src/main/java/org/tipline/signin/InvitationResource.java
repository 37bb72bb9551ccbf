package org.tipline.signin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.platform.ProblemResponses;
import org.tipline.platform.Redaction;
import org.tipline.platform.Redaction.Redacted;

/** The invited staff member sets their own password with the token of their invitation link. */
@Path("/api/v1/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Staff sign-in")
public class InvitationResource {

    private final Invitations invitations;

    InvitationResource(Invitations invitations) {
        this.invitations = invitations;
    }

    /** The token from the invitation link and the new password. */
    @Schema(name = "InvitationAcceptance")
    public record Acceptance(@Schema(required = true) @NotBlank @Size(max = 100) @Redacted String token,
            @Schema(required = true, minLength = 12, maxLength = 1024) @NotNull @Size(min = 12, max = 1024) @Redacted String password) {

        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    @POST
    @Path("/accept")
    @Operation(operationId = "acceptInvitation", summary = "Set my password with the token of my invitation link (once)")
    @APIResponse(responseCode = "204", description = "Password set; sign in with it (and set up TOTP when asked)")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest")
    public void accept(@Valid @NotNull Acceptance acceptance) {
        invitations.accept(acceptance.token(), acceptance.password().toCharArray());
    }
}
