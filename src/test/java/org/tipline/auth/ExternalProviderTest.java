package org.tipline.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The provider's endpoints as configured: https only (http on loopback), and the exact origin the pages may reach. */
class ExternalProviderTest {

    private static final String AUTHORIZE = "https://idp.example.org/realms/district/protocol/openid-connect/auth";

    private static ExternalProvider provider(AuthMode mode, String tokenEndpoint) {
        return new ExternalProvider(settings(mode, Optional.of(tokenEndpoint)));
    }

    private static AuthSettings settings(AuthMode mode, Optional<String> tokenEndpoint) {
        Map<String, Object> external = new HashMap<>();
        external.put("authorizationEndpoint", Optional.of(AUTHORIZE));
        external.put("tokenEndpoint", tokenEndpoint);
        external.put("endSessionEndpoint", Optional.empty());
        external.put("clientId", Optional.empty());
        external.put("audience", Optional.of("tipline-console"));
        external.put("issuer", Optional.of("https://idp.example.org/realms/district"));
        external.put("jwksUrl", Optional.of("https://idp.example.org/realms/district/certs"));
        external.put("scopes", " openid email ");
        AuthSettings.ExternalIssuer issuer = fake(AuthSettings.ExternalIssuer.class, external);
        return fake(AuthSettings.class, Map.of("mode", mode, "external", issuer));
    }

    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, Map<String, Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, arguments) -> {
            if (!answers.containsKey(method.getName())) {
                throw new UnsupportedOperationException(method.getName());
            }
            return answers.get(method.getName());
        });
    }

    @Test
    void shouldAllowThePagesToReachExactlyTheTokenEndpointsOrigin() {
        assertThat(provider(AuthMode.EXTERNAL_OIDC, "https://Login.Example.org:8443/oauth2/token").origins())
                .containsExactly("https://login.example.org:8443");
        assertThat(provider(AuthMode.EXTERNAL_OIDC, "https://idp.example.org/token").origins())
                .containsExactly("https://idp.example.org");
        assertThat(provider(AuthMode.BUILT_IN, "https://idp.example.org/token").origins()).isEmpty();
    }

    @Test
    void shouldDefaultTheConsolesClientIdToTheAudience() {
        ExternalProvider.ConsoleSignIn console = provider(AuthMode.EXTERNAL_OIDC, "https://idp.example.org/token").console().orElseThrow();

        assertThat(console.clientId()).isEqualTo("tipline-console");
        assertThat(console.scopes()).isEqualTo("openid email");
        assertThat(console.endSessionEndpoint()).isEmpty();
    }

    @Test
    void shouldRefuseAnEndpointThatIsNotHttpsUnlessOnLoopback() {
        assertThat(provider(AuthMode.EXTERNAL_OIDC, "http://127.0.0.1:9999/token").origins()).containsExactly("http://127.0.0.1:9999");
        assertThat(provider(AuthMode.EXTERNAL_OIDC, "http://localhost:9999/token").origins()).containsExactly("http://localhost:9999");
        for (String bad : new String[] { "http://idp.example.org/token", "https://user@idp.example.org/token",
                "https://idp.example.org/token#x", "ftp://idp.example.org/token", "/token", "https://idp.example.org/a b" }) {
            assertThatThrownBy(() -> provider(AuthMode.EXTERNAL_OIDC, bad)).as(bad)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("tipline.auth.external.token-endpoint");
        }
    }

    @Test
    void shouldStopTheStartWithoutTheEndpointsTheConsoleNeeds() {
        AuthSettings withoutToken = settings(AuthMode.EXTERNAL_OIDC, Optional.empty());

        assertThatThrownBy(() -> new AuthModeCheck(withoutToken))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Tipline cannot start: tipline.auth.mode=external-oidc needs tipline.auth.external.token-endpoint");
        AuthSettings complete = settings(AuthMode.EXTERNAL_OIDC, Optional.of("https://idp.example.org/token"));
        assertThatCode(() -> new AuthModeCheck(complete)).doesNotThrowAnyException();
    }
}
