package org.tipline.followup;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.platform.Redaction;
import org.tipline.platform.Redaction.Redacted;

/** The case code as the reporter typed it: case, hyphens and spaces do not matter; O, I and L read as 0, 1, 1. */
@Schema(name = "FollowupSessionRequest")
public record SessionRequest(
        @Schema(required = true, maxLength = 64, example = "7QK2-M9XD-4HTA-P3WN") @NotNull @Size(min = 1, max = 64)
        @Redacted String caseCode) {

    @Override
    public String toString() {
        return Redaction.toString(this);
    }
}
