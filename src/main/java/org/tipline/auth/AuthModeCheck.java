package org.tipline.auth;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stops a start whose sign-in settings do not fit the mode, with one line naming what is missing: an
 * external issuer needs its issuer, audience and JWKS URL (a token check without an audience would accept
 * tokens the provider issued for any other application), and the console its authorization and token endpoints
 * ({@link ExternalProvider} refuses malformed ones). The key pair is required in both modes, since it also signs
 * reporter tokens; the configuration itself refuses to start without it.
 */
@ApplicationScoped
@Startup
class AuthModeCheck {

    AuthModeCheck(AuthSettings settings) {
        List<String> missing = new ArrayList<>();
        if (settings.mode() == AuthMode.EXTERNAL_OIDC) {
            requireSet(settings.external().issuer(), "tipline.auth.external.issuer", missing);
            requireSet(settings.external().audience(), "tipline.auth.external.audience", missing);
            requireSet(settings.external().jwksUrl(), "tipline.auth.external.jwks-url", missing);
            requireSet(settings.external().authorizationEndpoint(), "tipline.auth.external.authorization-endpoint", missing);
            requireSet(settings.external().tokenEndpoint(), "tipline.auth.external.token-endpoint", missing);
        }
        if (!missing.isEmpty()) {
            throw new ConfigurationException("Tipline cannot start: tipline.auth.mode="
                    + settings.mode().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " needs "
                    + String.join(", ", missing));
        }
    }

    private static void requireSet(Optional<String> value, String name, List<String> missing) {
        if (value.filter(v -> !v.isBlank()).isEmpty()) {
            missing.add(name);
        }
    }
}
