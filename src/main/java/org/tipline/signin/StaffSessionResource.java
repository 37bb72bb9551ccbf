package org.tipline.signin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.platform.ProblemResponses;
import org.tipline.platform.Redaction;
import org.tipline.platform.Redaction.Redacted;
import org.tipline.auth.CurrentStaff;

/** The signed-in staff member's own session: who am I, sign out everywhere. Any staff role. */
@Path("/api/v1/staff/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "SRO", "COUNSELOR", "COORDINATOR", "ANALYST", "ADMIN" })
@Tag(name = "Staff sign-in")
public class StaffSessionResource {

    private final CurrentStaff staff;
    private final StaffAccounts accounts;
    private final TotpEnrolment totp;

    StaffSessionResource(CurrentStaff staff, StaffAccounts accounts, TotpEnrolment totp) {
        this.staff = staff;
        this.accounts = accounts;
        this.totp = totp;
    }

    /** The code that confirms a TOTP enrolment. */
    @Schema(name = "TotpConfirmation")
    public record TotpConfirmation(@Schema(required = true) @NotBlank @Size(max = 10) @Redacted String code) {

        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    @POST
    @Path("/totp")
    @RolesAllowed({ "SRO", "COUNSELOR", "COORDINATOR", "ANALYST", "ADMIN", CurrentStaff.TOTP_ENROLMENT })
    @Operation(operationId = "startTotpEnrolment", summary = "Start TOTP enrolment: a new secret for the authenticator app")
    @APIResponse(responseCode = "200", description = "The secret, shown once")
    @Extension(name = ProblemResponses.EXTENSION, value = "AlreadyExists")
    public TotpSetup startTotp() {
        return totp.start(staff.id());
    }

    @POST
    @Path("/totp/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "SRO", "COUNSELOR", "COORDINATOR", "ANALYST", "ADMIN", CurrentStaff.TOTP_ENROLMENT })
    @Operation(operationId = "confirmTotpEnrolment", summary = "Confirm with a code: TOTP is on; sign in again")
    @APIResponse(responseCode = "204", description = "TOTP is on")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest")
    public void confirmTotp(@Valid @NotNull TotpConfirmation confirmation) {
        totp.confirm(staff.id(), confirmation.code());
    }

    @GET
    @Operation(operationId = "getMyProfile", summary = "The signed-in staff member")
    @APIResponse(responseCode = "200", description = "The profile")
    public StaffProfile me() {
        return accounts.profile(staff.id());
    }

    @POST
    @Path("/logout-everywhere")
    @Operation(operationId = "logoutEverywhere", summary = "Sign out everywhere: every token issued so far stops working")
    @APIResponse(responseCode = "204", description = "Done")
    public void logoutEverywhere() {
        accounts.signOutEverywhere(staff.id());
    }
}
