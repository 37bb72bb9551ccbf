package org.tipline.platform;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers every answer carries (DESIGN 5): nothing is cached by a browser or a school proxy, no referrer
 * leaves a page, no content is sniffed. The service sets no cookies anywhere.
 */
@ApplicationScoped
class PrivacyHeaders {

    void register(@Observes Filters filters) {
        filters.register(context -> {
            HttpServerResponse response = context.response();
            context.addHeadersEndHandler(ignored -> {
                if (!response.headers().contains("Cache-Control")) {
                    response.putHeader("Cache-Control", "no-store");
                }
                response.putHeader("Referrer-Policy", "no-referrer");
                response.putHeader("X-Content-Type-Options", "nosniff");
            });
            context.next();
        }, 20_000);
    }
}
