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
 * Answers a body above {@code tipline.http.max-body-size} (64 KiB), or an image body (image/*, or
 * application/octet-stream) above {@code quarkus.http.limits.max-body-size} (10 MiB), with a 413 problem, before
 * anything is read. Quarkus enforces the limit itself, but with an empty answer that a client cannot explain, and it
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
    private final long maxImageBytes;
    private final String tooLarge;
    private final String imageTooLarge;
    private final String lengthRequired;

    BodySizeLimit(HttpBodySettings settings, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize imageLimit) {
        this.maxBytes = settings.maxBodySize().asLongValue();
        this.maxImageBytes = imageLimit.asLongValue();
        this.tooLarge = tooLarge("request body", maxBytes);
        this.imageTooLarge = tooLarge("image", maxImageBytes);
        this.lengthRequired = Json.encode(Problem.of(411, "length-required", "Length required",
                "Send the request body with a Content-Length header, not chunked. Nothing was saved."));
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            boolean image = isImage(context.request().getHeader(HttpHeaders.CONTENT_TYPE));
            if (declared != null && exceeds(declared, image ? maxImageBytes : maxBytes)) {
                refuse(context.response(), 413, image ? imageTooLarge : tooLarge);
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

    private static String tooLarge(String what, long limit) {
        return Json.encode(Problem.of(413, "payload-too-large", "Payload too large",
                "The " + what + " is larger than " + (limit / 1024) + " KiB. Nothing was saved."));
    }

    /** Image uploads (attachments) send the image itself as the body. */
    private static boolean isImage(String contentType) {
        String type = contentType == null ? "" : contentType.trim().toLowerCase(java.util.Locale.ROOT);
        // The image envelope is an image sealed to the intake key: 16 bytes of tag more than the image.
        return type.startsWith("image/") || type.startsWith("application/octet-stream")
                || type.startsWith("application/vnd.tipline.image-envelope");
    }

    private static boolean exceeds(String declaredLength, long limit) {
        try {
            return Long.parseLong(declaredLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x rejects a malformed Content-Length itself.
        }
    }
}
