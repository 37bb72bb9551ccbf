package org.tipline.followup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.platform.Redaction;
import org.tipline.platform.Redaction.Redacted;

/** A message the reporter adds to their tip. */
@Schema(name = "ReporterMessage")
public record ReporterMessage(
        @Schema(required = true, minLength = 1, maxLength = 5000) @NotBlank @Size(max = 5000) @Redacted String body) {

    @Override
    public String toString() {
        return Redaction.toString(this);
    }
}
