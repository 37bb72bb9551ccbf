package org.tipline.signin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Staff sign-in. */
@Schema(name = "LoginRequest")
public record LoginRequest(
        @Schema(required = true) @NotBlank @Size(max = 320) String email,
        @Schema(required = true) @NotBlank @Size(max = 1024) String password,
        @Schema(description = "Current TOTP code, when the account has one") @Size(max = 10) String totp) {

    @Override
    public String toString() {
        return "LoginRequest[email=REDACTED, password=REDACTED]";
    }
}
