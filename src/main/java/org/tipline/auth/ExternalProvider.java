package org.tipline.auth;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tipline.platform.ConnectOrigins;

/**
 * The organisation's OpenID Connect provider as the staff console uses it in mode {@code external-oidc}: the
 * console signs staff in there itself (authorization code with PKCE, as a public client) and sends the token it
 * gets as its Bearer token, which smallrye-jwt verifies like any other ({@link ExternalIssuerConfig}). The
 * endpoints come from configuration, never from a discovery document read at run time, so that the pages'
 * Content-Security-Policy and where staff are sent are fixed at start and reviewed with the configuration.
 *
 * <p>Every endpoint must be an https URL (http only on a loopback address, for tests and development): the code,
 * its PKCE verifier and the token travel to the token endpoint. A start with a malformed one stops, naming it.
 */
@ApplicationScoped
@Startup
public class ExternalProvider implements ConnectOrigins {

    /** What the console needs to sign in at the provider; nothing here is secret (a public client has none). */
    public record ConsoleSignIn(String issuer, String authorizationEndpoint, String tokenEndpoint,
            Optional<String> endSessionEndpoint, String clientId, String scopes) {
    }

    private final Optional<ConsoleSignIn> console;

    ExternalProvider(AuthSettings settings) {
        AuthSettings.ExternalIssuer external = settings.external();
        if (settings.mode() != AuthMode.EXTERNAL_OIDC) {
            this.console = Optional.empty();
            return;
        }
        List<String> problems = new ArrayList<>();
        check(external.authorizationEndpoint(), "tipline.auth.external.authorization-endpoint", problems);
        check(external.tokenEndpoint(), "tipline.auth.external.token-endpoint", problems);
        check(external.endSessionEndpoint(), "tipline.auth.external.end-session-endpoint", problems);
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Tipline cannot start: " + String.join("; ", problems));
        }
        this.console = external.authorizationEndpoint().flatMap(authorize -> external.tokenEndpoint()
                .map(token -> new ConsoleSignIn(external.issuer().orElse(""), authorize.trim(), token.trim(),
                        external.endSessionEndpoint().map(String::trim).filter(url -> !url.isEmpty()),
                        external.clientId().or(external::audience).orElse(""), external.scopes().trim())));
    }

    /** The console's sign-in at the provider; empty in built-in mode. */
    public Optional<ConsoleSignIn> console() {
        return console;
    }

    /** The token endpoint's origin, which the console must reach with {@code fetch}. */
    @Override
    public List<String> origins() {
        return console.map(c -> List.of(origin(URI.create(c.tokenEndpoint())))).orElse(List.of());
    }

    static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static void check(Optional<String> value, String name, List<String> problems) {
        String url = value.map(String::trim).orElse("");
        if (url.isEmpty()) {
            return;
        }
        try {
            URI uri = new URI(url);
            boolean https = "https".equalsIgnoreCase(uri.getScheme());
            boolean loopbackHttp = "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && loopback(uri.getHost());
            if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null || !(https || loopbackHttp)) {
                problems.add(name + " must be an https URL without user name or fragment");
            }
        } catch (URISyntaxException e) {
            problems.add(name + " is not a URL");
        }
    }

    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name: never resolved here
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
