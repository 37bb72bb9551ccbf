package org.tipline.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a tip stands with retention, as staff in scope see it in the case file. */
@Schema(name = "TipRetention")
public record TipRetention(
        @Schema(description = "When the content was shredded; null while the tip has it") Instant shreddedAt,
        @Schema(description = "Closed, not shredded and not on hold: the day (district's zone) from which its content "
                + "is shredded") LocalDate shreddingDueOn,
        @Schema(description = "When the tip, never closed, was flagged for review instead of being shredded")
        Instant flaggedForReviewAt,
        @Schema(description = "The legal hold, if there is one: while it lasts the tip is never shredded") Hold legalHold) {

    /** A legal hold: who placed it, when and why. */
    @Schema(name = "LegalHoldView")
    public record Hold(@Schema(required = true) String reason, @Schema(required = true) UUID placedBy,
            @Schema(required = true) Instant placedAt) {

        static Hold of(LegalHold hold) {
            return hold == null ? null : new Hold(hold.reason, hold.placedBy, hold.placedAt);
        }
    }
}
