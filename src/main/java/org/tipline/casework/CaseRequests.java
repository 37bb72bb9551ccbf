package org.tipline.casework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.platform.Redaction;
import org.tipline.platform.Redaction.Redacted;
import org.tipline.tip.Outcome;
import org.tipline.tip.ClosingNote;

/** The bodies of the case-work requests. */
final class CaseRequests {

    private CaseRequests() {
    }

    /** A staff note or a message to the reporter. */
    @Schema(name = "TextRequest")
    record Text(@Schema(required = true, maxLength = 5000) @NotBlank @Size(max = 5000) @Redacted String body) {

        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    /** Start working on an acknowledged tip. */
    @Schema(name = "StatusRequest")
    record Status(@Schema(required = true, description = "IN_PROGRESS (the only status set this way)")
            @NotNull String status) {
    }

    /** Close with an outcome and, optionally, what the reporter is told. */
    @Schema(name = "CloseRequest")
    record Close(@Schema(required = true) @NotNull Outcome outcome,
            @Schema(description = "Default TRUSTED_ADULT_FOLLOWING_UP for INTERVENTION and REFERRED, LOOKED_INTO otherwise")
            ClosingNote closingNote) {
    }

    /** Make a staff member the lead. */
    @Schema(name = "LeadRequest")
    record Lead(@Schema(required = true) @NotNull UUID staffId) {
    }

    /** Move the tip to another school. */
    @Schema(name = "ReassignRequest")
    record Reassign(@Schema(required = true) @NotNull UUID schoolId) {
    }
}
