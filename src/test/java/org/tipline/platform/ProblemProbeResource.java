package org.tipline.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only endpoints that fail on purpose, to prove every failure becomes a problem+json answer.
 * Hidden from the OpenAPI document so that the contract test sees only the real API.
 */
@Path("/test-probe")
public class ProblemProbeResource {

    /** Carried by the failure below; must never reach a response body or a log. */
    public static final String SECRET_MARKER = "PROBE-SECRET-7f3a9c";

    public record Echo(@NotBlank @Size(max = 20) String text) {
    }

    @GET
    @Path("/failure")
    @Operation(hidden = true)
    public String failure() {
        throw new IllegalStateException("database said: duplicate key (" + SECRET_MARKER + ") at org.example.Dao");
    }

    @POST
    @Path("/echo")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Echo echo(@Valid Echo echo) {
        return echo;
    }
}
