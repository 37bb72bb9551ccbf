package org.tipline.signin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new TOTP secret, shown once, for the staff member's authenticator app. */
@Schema(name = "TotpSetup")
public record TotpSetup(
        @Schema(required = true, description = "The secret in base32, to type into an authenticator") String secret,
        @Schema(required = true, description = "otpauth:// URI, to show as a QR code") String otpauthUri) {

    @Override
    public String toString() {
        return "TotpSetup[REDACTED]";
    }
}
