package org.tipline.signin;

import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.auth.ExternalProvider;

/** How the console signs staff in: here with a password, or at the organisation's OpenID Connect provider. */
@Schema(name = "SignInConfig")
public record SignInConfig(
        @Schema(required = true, enumeration = { "built-in", "external-oidc" },
                description = "built-in: POST /api/v1/auth/login; external-oidc: authorization code with PKCE at the provider") String mode,
        @Schema(nullable = true, description = "The provider, in mode external-oidc only") Provider provider) {

    /** The provider's endpoints and the console's public client, from configuration (tipline.auth.external.*). */
    @Schema(name = "SignInProvider")
    public record Provider(
            @Schema(required = true, description = "The provider's issuer (iss)") String issuer,
            @Schema(required = true, description = "Where staff are sent to sign in") String authorizationEndpoint,
            @Schema(required = true, description = "Where the console exchanges the code and its PKCE verifier (S256) for a token") String tokenEndpoint,
            @Schema(nullable = true, description = "Where signing out ends the provider's session too; null when not configured") String endSessionEndpoint,
            @Schema(required = true, description = "The console's client id at the provider (a public client)") String clientId,
            @Schema(required = true, description = "The scopes asked for, space-separated") String scopes) {
    }

    static SignInConfig of(Optional<ExternalProvider.ConsoleSignIn> external) {
        return external.map(c -> new SignInConfig("external-oidc", new Provider(c.issuer(), c.authorizationEndpoint(),
                c.tokenEndpoint(), c.endSessionEndpoint().orElse(null), c.clientId(), c.scopes())))
                .orElseGet(() -> new SignInConfig("built-in", null));
    }
}
