package org.tipline.signin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.platform.Redaction;
import org.tipline.platform.Redaction.Redacted;

/** Staff sign-in. */
@Schema(name = "LoginRequest")
public record LoginRequest(
        @Schema(required = true) @NotBlank @Size(max = 320) @Redacted String email,
        @Schema(required = true) @NotBlank @Size(max = 1024) @Redacted String password,
        @Schema(description = "Current TOTP code, when the account has one") @Size(max = 10) @Redacted String totp) {

    @Override
    public String toString() {
        return Redaction.toString(this);
    }
}
