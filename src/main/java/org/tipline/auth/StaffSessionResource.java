package org.tipline.auth;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.directory.Staff;
import org.tipline.platform.Problem;

/** The signed-in staff member's own session: who am I, sign out everywhere. Any staff role. */
@Path("/api/v1/staff/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "SRO", "COUNSELOR", "COORDINATOR", "ANALYST", "ADMIN" })
@Tag(name = "Staff sign-in")
@APIResponse(responseCode = "401", description = "No valid staff token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not a staff role",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class StaffSessionResource {

    private final JsonWebToken token;
    private final StaffAccounts accounts;

    StaffSessionResource(JsonWebToken token, StaffAccounts accounts) {
        this.token = token;
        this.accounts = accounts;
    }

    @GET
    @Operation(operationId = "getMyProfile", summary = "The signed-in staff member")
    @APIResponse(responseCode = "200", description = "The profile")
    public StaffProfile me() {
        UUID id = UUID.fromString(token.getSubject());
        return QuarkusTransaction.requiringNew().call(() -> StaffProfile.of(Staff.findById(id)));
    }

    @POST
    @Path("/logout-everywhere")
    @Operation(operationId = "logoutEverywhere", summary = "Sign out everywhere: every token issued so far stops working")
    @APIResponse(responseCode = "204", description = "Done")
    public void logoutEverywhere() {
        accounts.signOutEverywhere(UUID.fromString(token.getSubject()));
    }
}
