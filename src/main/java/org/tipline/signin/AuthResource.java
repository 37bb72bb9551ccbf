package org.tipline.signin;

import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.auth.ExternalProvider;
import org.tipline.platform.InvalidFieldException;
import org.tipline.platform.ProblemResponses;

/** Staff sign-in. */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Staff sign-in")
public class AuthResource {

    private final StaffSignIn signIn;
    private final ExternalProvider provider;

    AuthResource(StaffSignIn signIn, ExternalProvider provider) {
        this.signIn = signIn;
        this.provider = provider;
    }

    @GET
    @Path("/config")
    @Operation(operationId = "signInConfig", summary = "How the console signs staff in: built-in, or at the organisation's "
            + "OpenID Connect provider (its endpoints and the console's public client id); public, nothing secret")
    @APIResponse(responseCode = "200", description = "The sign-in mode and, in external-oidc mode, the provider")
    public SignInConfig config() {
        return SignInConfig.of(provider.console());
    }

    @POST
    @Path("/login")
    @Operation(operationId = "login", summary = "Sign in with email, password and, when enrolled, a TOTP code")
    @APIResponse(responseCode = "200", description = "Signed in")
    @Extension(name = ProblemResponses.EXTENSION, value = "SignInFailed ExternalSignIn TooManyRequests")
    public AccessToken login(@Valid LoginRequest request) {
        if (request == null) {
            // A body of "null", or none at all: @Valid passes a null, which sign-in cannot use.
            throw new InvalidFieldException("(body)", "must be a JSON object");
        }
        return signIn.signIn(request);
    }
}
