package org.tipline.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.platform.Redaction;
import org.tipline.platform.Redaction.Redacted;

/** A tip as a reporter sends it, in plain JSON or inside an {@link EncryptedTip}. */
@Schema(name = "TipSubmission", description = "A tip. Sent as is (application/json) or encrypted in an envelope.")
public record TipSubmission(
        @Schema(description = "School the tip is about; null when the reporter does not know", format = "uuid")
        UUID schoolId,
        @Schema(required = true, description = "A category code from GET /api/v1/categories")
        @NotNull String category,
        @Schema(required = true, minLength = 10, maxLength = 10000, description = "What is happening")
        @NotBlank @Size(min = 10, max = 10_000) @Redacted String description,
        @Schema(required = true, description = "True when it is happening right now; escalates the tip at once")
        @NotNull Boolean happeningNow,
        @Schema(maxLength = 500, description = "Where") @Size(max = 500) @Redacted String location,
        @Schema(maxLength = 200, description = "When") @Size(max = 200) @Redacted String when,
        @Schema(maxLength = 2000, description = "Who is involved") @Size(max = 2000) @Redacted String peopleInvolved,
        @Schema(maxLength = 500, description = "Optional way to reach the reporter; only if they choose to give one")
        @Size(max = 500) @Redacted String reporterContact,
        @Schema(maxLength = 35, description = "Language of the form, e.g. en or es", pattern = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
        @Size(max = 35) @Pattern(regexp = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$") @Redacted String language,
        @Schema(description = "K of a case code the client made itself (80 random bits): Argon2id of the canonical code "
                + "under the parameters of GET /api/v1/intake-key, 32 bytes, base64url. The code then never leaves the "
                + "client and the receipt carries none. Without it the service makes the code and shows it once",
                pattern = "^[A-Za-z0-9_-]{43}$")
        @Pattern(regexp = "^[A-Za-z0-9_-]{43}$", message = "must be 32 bytes in base64url without padding") @Redacted String caseCodeKey,
        @Schema(description = "The page's keys for its follow-up session: the receipt's reporter token is then bound to "
                + "them (DPoP) and follow-up answers are sealed to them") @Valid ReporterKeys reporterKeys) {

    /** School, category and "happening now" print; what the reporter wrote, the form's language included, does not. */
    @Override
    public String toString() {
        return Redaction.toString(this);
    }
}
