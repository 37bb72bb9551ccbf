package org.tipline.platform;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, with a 415 problem, a Content-Type that is not a media type (empty, blank, "application/") and a
 * body sent without one, before any resource is matched. Left alone, the first failed where a resource read
 * the header (a 500), and the second was matched to a resource as if it were JSON; RFC 9110 has a body
 * without a type taken as application/octet-stream, which no endpoint accepts.
 */
public class ContentTypeCheck {

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null ? hasBody(request) : !isMediaType(contentType)) {
            throw new NotSupportedException();
        }
    }

    /** BodySizeLimit has already refused a body of unknown length, so a body has a Content-Length above 0. */
    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return length != null && !length.trim().equals("0");
    }

    private static boolean isMediaType(String value) {
        try {
            MediaType type = MediaType.valueOf(value);
            return !type.getType().isBlank() && !type.getSubtype().isBlank();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
