package org.tipline.signin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.platform.Redaction;
import org.tipline.platform.Redaction.Redacted;

/** A signed-in staff member's access token. */
@Schema(name = "AccessToken")
public record AccessToken(
        @Schema(required = true, description = "ES256 JWT; send as Authorization: Bearer") @Redacted String accessToken,
        @Schema(required = true, description = "Seconds until it expires") long expiresIn,
        @Schema(required = true, description = "True when TOTP is required and not set up yet: this token can only "
                + "enrol (POST /api/v1/staff/me/totp, then /confirm); sign in again afterwards") boolean totpEnrolmentRequired) {

    @Override
    public String toString() {
        return Redaction.toString(this);
    }
}
