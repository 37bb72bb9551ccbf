package org.tipline.platform;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body above {@code quarkus.http.limits.max-body-size} with a 413 problem, before anything is
 * read. Quarkus enforces the limit itself, but with an empty answer that a client cannot explain, and it
 * can only find out late for a body of unknown length, so POST, PUT and PATCH must declare their length:
 * a chunked body (or an HTTP/2 one without Content-Length) gets a 411 problem. Browsers and HTTP
 * clients send Content-Length for the JSON bodies of this API.
 */
@ApplicationScoped
class BodySizeLimit {

    /** Runs before Quarkus' own limit check and before any resource. */
    private static final int PRIORITY = 10_000;

    /** Requests of these methods carry a body in this API. */
    private static final java.util.Set<io.vertx.core.http.HttpMethod> BODY_METHODS = java.util.Set.of(
            io.vertx.core.http.HttpMethod.POST, io.vertx.core.http.HttpMethod.PUT, io.vertx.core.http.HttpMethod.PATCH);

    private final long maxBytes;
    private final String tooLarge;
    private final String lengthRequired;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.maxBytes = limit.asLongValue();
        this.tooLarge = Json.encode(Problem.of(413, "payload-too-large", "Payload too large",
                "The request body is larger than " + (maxBytes / 1024) + " KiB. Nothing was saved."));
        this.lengthRequired = Json.encode(Problem.of(411, "length-required", "Length required",
                "Send the request body with a Content-Length header, not chunked. Nothing was saved."));
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && exceeds(declared)) {
                refuse(context.response(), 413, tooLarge);
            } else if (declared == null && mayHaveBody(context.request())) {
                refuse(context.response(), 411, lengthRequired);
            } else {
                context.next();
            }
        }, PRIORITY);
    }

    private static void refuse(HttpServerResponse response, int status, String problem) {
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                // The unread body is still on the wire: close instead of draining it.
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(problem);
    }

    /**
     * In HTTP/1.1 a request without Content-Length has a body only when it is chunked; an HTTP/2 request
     * may stream one without saying so, so there a POST, PUT or PATCH must declare its length.
     */
    private static boolean mayHaveBody(io.vertx.core.http.HttpServerRequest request) {
        return request.version() == io.vertx.core.http.HttpVersion.HTTP_2
                ? BODY_METHODS.contains(request.method())
                : request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private boolean exceeds(String declaredLength) {
        try {
            return Long.parseLong(declaredLength.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // Vert.x rejects a malformed Content-Length itself.
        }
    }
}
