package org.tipline.followup;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.intake.ReporterKeys;
import org.tipline.platform.Redaction;
import org.tipline.platform.Redaction.Redacted;

/**
 * What the follow-up page seals in an envelope to open a session: K of the case code (never the code, unless the
 * service answered {@code case-code-needed}) and the page's two public keys, which the token is then bound to.
 */
@Schema(name = "SealedFollowupSessionRequest", description = "The plaintext of an envelope sent to POST "
        + "/api/v1/followup/session: caseCodeKey (or, only after a case-code-needed answer, caseCode) and the page's keys")
public record SealedSessionRequest(
        @Schema(description = "K of the case code, as for TipSubmission.caseCodeKey", pattern = "^[A-Za-z0-9_-]{43}$")
        @Pattern(regexp = "^[A-Za-z0-9_-]{43}$", message = "must be 32 bytes in base64url without padding") @Redacted String caseCodeKey,
        @Schema(maxLength = 64, description = "The case code itself; only for tips from before case-code keys")
        @Size(max = 64) @Redacted String caseCode,
        @Schema(required = true) @NotNull @Valid ReporterKeys keys) {

    @Override
    public String toString() {
        return Redaction.toString(this);
    }
}
