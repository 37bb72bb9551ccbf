package org.tipline.platform;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a declared body above {@code quarkus.http.limits.max-body-size} with a 413 problem, before
 * anything is read. Quarkus would refuse it too, but with an empty body that a client cannot explain.
 */
@ApplicationScoped
class BodySizeLimit {

    /** Runs before Quarkus' own limit check and before any resource. */
    private static final int PRIORITY = 10_000;

    void register(@Observes Filters filters,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        long maxBytes = limit.asLongValue();
        String body = Json.encode(Problem.of(413, "payload-too-large", "Payload too large",
                "The request body is larger than " + (maxBytes / 1024) + " KiB."));
        filters.register(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && exceeds(declared, maxBytes)) {
                context.response()
                        .setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        // The unread body is still on the wire: close instead of draining it.
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(body);
            } else {
                context.next();
            }
        }, PRIORITY);
    }

    private static boolean exceeds(String declaredLength, long maxBytes) {
        try {
            return Long.parseLong(declaredLength.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // Vert.x rejects a malformed Content-Length itself.
        }
    }
}
