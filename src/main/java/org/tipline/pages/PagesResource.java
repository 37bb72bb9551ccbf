package org.tipline.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The pages people use: the tip form, the follow-up page, the staff console and its invitation page. They are plain HTML
 * that load their scripts and styles from {@code /assets} (same origin, no inline script: see
 * {@code platform.PrivacyHeaders}, which sets the Content-Security-Policy). The console's deep links
 * ({@code /console/tips/<id>}, used in notification mails) serve the same page, whose script reads the path.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PagesResource {

    private final Map<String, String> pages = new ConcurrentHashMap<>();

    @GET
    @Operation(hidden = true)
    public String tipForm() {
        return page("index.html");
    }

    @GET
    @Path("followup")
    @Operation(hidden = true)
    public String followup() {
        return page("followup.html");
    }

    @GET
    @Path("console")
    @Operation(hidden = true)
    public String console() {
        return page("console.html");
    }

    /** Where invitation mails lead: the token is in the link's fragment, which never reaches this server. */
    @GET
    @Path("console/invitation")
    @Operation(hidden = true)
    public String invitation() {
        return page("invitation.html");
    }

    /** The console's statistics page: the same page, whose script shows its statistics view. */
    @GET
    @Path("console/stats")
    @Operation(hidden = true)
    public String consoleStats() {
        return page("console.html");
    }

    @GET
    @Path("console/tips/{id}")
    @Operation(hidden = true)
    public String consoleTip() {
        return page("console.html");
    }

    /** The console's directory administration pages: the same page, whose script reads the path. */
    @GET
    @Path("console/admin{page: (/[a-z]+)?}")
    @Operation(hidden = true)
    public String consoleAdmin() {
        return page("console.html");
    }

    private String page(String name) {
        return pages.computeIfAbsent(name, PagesResource::load);
    }

    private static String load(String name) {
        try (InputStream in = PagesResource.class.getResourceAsStream("/pages/" + name)) {
            if (in == null) {
                throw new IllegalStateException("page missing from the build: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
