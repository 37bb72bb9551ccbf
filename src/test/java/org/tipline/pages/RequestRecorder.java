package org.tipline.pages;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records, on the server, the media type of every tip the service receives, so that a browser test can
 * check that the page sent an encrypted envelope and not plain JSON. Nothing else of a request is kept.
 */
@ApplicationScoped
public class RequestRecorder {

    private static final List<String> TIP_MEDIA_TYPES = new CopyOnWriteArrayList<>();

    void register(@Observes Filters filters) {
        filters.register(context -> {
            if ("POST".equals(context.request().method().name()) && "/api/v1/tips".equals(context.normalizedPath())) {
                TIP_MEDIA_TYPES.add(String.valueOf(context.request().getHeader("Content-Type")));
            }
            context.next();
        }, 100);
    }

    /** Media types of the tips received since the last {@link #clear()}. */
    public static List<String> tipMediaTypes() {
        return List.copyOf(TIP_MEDIA_TYPES);
    }

    public static void clear() {
        TIP_MEDIA_TYPES.clear();
    }
}
