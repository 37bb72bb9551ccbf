package org.tipline.signin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.platform.Redaction;
import org.tipline.platform.Redaction.Redacted;

/** A new TOTP secret, shown once, for the staff member's authenticator app. */
@Schema(name = "TotpSetup")
public record TotpSetup(
        @Schema(required = true, description = "The secret in base32, to type into an authenticator") @Redacted String secret,
        @Schema(required = true, description = "otpauth:// URI, to show as a QR code") @Redacted String otpauthUri) {

    @Override
    public String toString() {
        return Redaction.toString(this);
    }
}
