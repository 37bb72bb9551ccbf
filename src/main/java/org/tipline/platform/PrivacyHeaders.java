package org.tipline.platform;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers every answer carries (DESIGN 5): nothing is cached by a browser or a school proxy, no referrer
 * leaves a page, no content is sniffed, and pages run only the app's own scripts, load nothing from another
 * origin and cannot be framed. The service sets no cookies anywhere.
 *
 * <p>The operations pages under {@code /q/} (Swagger UI in dev) need inline script and are left without
 * the content policy; they are not for reporters.
 */
@ApplicationScoped
class PrivacyHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    void register(@Observes Filters filters) {
        filters.register(context -> {
            HttpServerResponse response = context.response();
            context.addHeadersEndHandler(ignored -> {
                if (!response.headers().contains("Cache-Control")) {
                    response.putHeader("Cache-Control", "no-store");
                }
                response.putHeader("Referrer-Policy", "no-referrer");
                response.putHeader("X-Content-Type-Options", "nosniff");
                if (!context.normalizedPath().startsWith("/q/")) {
                    response.putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                    response.putHeader("X-Frame-Options", "DENY");
                }
            });
            context.next();
        }, 20_000);
    }
}
