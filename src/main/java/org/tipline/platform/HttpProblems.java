package org.tipline.platform;

import jakarta.ws.rs.core.Response;

/** The problem bodies of plain HTTP failures (unknown route, wrong method, ...), in one place. */
public final class HttpProblems {

    private HttpProblems() {
    }

    public static Problem forStatus(int status) {
        return switch (status) {
            case 400 -> Problem.of(400, "bad-request", "Bad request", "The request could not be understood.");
            case 401 -> Problem.of(401, "unauthorized", "Unauthorized", "A valid access token is required.");
            case 403 -> Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this.");
            case 404 -> Problem.of(404, "not-found", "Not found", "There is nothing at this path.");
            case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed",
                    "This resource does not support this HTTP method.");
            case 406 -> Problem.of(406, "not-acceptable", "Not acceptable",
                    "This resource answers with application/json or application/problem+json only.");
            case 413 -> Problem.of(413, "payload-too-large", "Payload too large", "The request body is too large.");
            case 415 -> Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "Send the request body as application/json.");
            case 500 -> internalError("unknown");
            default -> Problem.of(status, "http-" + status, reasonPhrase(status), reasonPhrase(status) + ".");
        };
    }

    /** The 500 body: an incident id to quote, and nothing about the failure itself. */
    public static Problem internalError(String incidentId) {
        return Problem.of(500, "internal-error", "Internal error",
                "Something went wrong on our side. If it happens again, quote incident " + incidentId + ".");
    }

    private static String reasonPhrase(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }
}
