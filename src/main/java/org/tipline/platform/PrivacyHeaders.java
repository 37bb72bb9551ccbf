package org.tipline.platform;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Headers every answer carries (DESIGN 5): the service's time, nothing is cached by a browser or a school proxy, no referrer
 * leaves a page, no content is sniffed, and pages run only the app's own scripts, load nothing from another
 * origin and cannot be framed. The service sets no cookies anywhere.
 *
 * <p>The operations pages under {@code /q/} (Swagger UI in dev) need inline script and are left without
 * the content policy; they are not for reporters.
 *
 * <p>{@code connect-src} adds the exact origins that features name ({@link ConnectOrigins}: in mode
 * {@code external-oidc}, the provider's token endpoint, where the console exchanges its sign-in code), fixed at
 * start from configuration.
 */
@ApplicationScoped
class PrivacyHeaders {

    private final String contentSecurityPolicy;

    private final Clock clock;

    PrivacyHeaders(Instance<ConnectOrigins> connectOrigins, Clock clock) {
        this.clock = clock;
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        connectOrigins.forEach(origins -> connect.addAll(origins.origins()));
        this.contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
                + "img-src 'self' data:; connect-src " + String.join(" ", connect) + "; font-src 'self'; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            HttpServerResponse response = context.response();
            context.addHeadersEndHandler(ignored -> {
                if (!response.headers().contains("Cache-Control")) {
                    response.putHeader("Cache-Control", "no-store");
                }
                response.putHeader("Referrer-Policy", "no-referrer");
                // The service's time (RFC 9110 asks for it): the reporter pages set their DPoP proofs' iat by it, so that
                // a phone whose clock is wrong is not refused.
                response.putHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(clock.instant(),
                        ZoneOffset.UTC)));
                response.putHeader("X-Content-Type-Options", "nosniff");
                if (!context.normalizedPath().startsWith("/q/")) {
                    response.putHeader("Content-Security-Policy", contentSecurityPolicy);
                    response.putHeader("X-Frame-Options", "DENY");
                }
            });
            context.next();
        }, 20_000);
    }
}
