package org.tipline.intake;

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
        @Size(max = 35) @Pattern(regexp = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$") @Redacted String language) {

    /** School, category and "happening now" print; what the reporter wrote, the form's language included, does not. */
    @Override
    public String toString() {
        return Redaction.toString(this);
    }
}
