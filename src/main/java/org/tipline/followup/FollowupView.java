package org.tipline.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.platform.Redaction;
import org.tipline.platform.Redaction.Redacted;

/**
 * What a reporter sees of their tip (DESIGN 5): a coarse status, the conversation with coarse times, and
 * once closed the closing note from the safe set. Never internal notes, staff names, the outcome or exact times.
 */
@Schema(description = "The reporter's view of their tip")
public record FollowupView(
        @Schema(required = true, description = "The tip's public reference") String reference,
        @Schema(required = true, enumeration = { "received", "being-looked-into", "closed" }) String status,
        @Schema(required = true, description = "The day the tip was received (the district's time zone)") LocalDate receivedOn,
        @Schema(required = true, description = "Messages, oldest first") List<Message> conversation,
        @Schema(description = "Present once the tip is closed") ClosingNoteView closingNote,
        @Schema(required = true, description = "Whether the reporter may still add a message") boolean canReply,
        @Schema(description = "Once closed: the day (district's zone) from which the conversation will be deleted")
        LocalDate deletionDate,
        @Schema(required = true, description = "The conversation has ended and its content was deleted (retention)")
        boolean contentDeleted) {

    @Schema(name = "FollowupMessage")
    public record Message(
            @Schema(required = true, enumeration = { "staff", "you" }) String from,
            @Schema(required = true, description = "When it was sent, to the hour") Instant around,
            @Schema(required = true) @Redacted String body) {

        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    /** Code and text come from the fixed set of closing notes (DESIGN 5), never from a person: they print. */
    @Schema(name = "FollowupClosingNote")
    public record ClosingNoteView(
            @Schema(required = true, description = "TRUSTED_ADULT_FOLLOWING_UP, LOOKED_INTO, PASSED_ON or NEED_MORE_DETAILS") String code,
            @Schema(required = true, description = "The note in English; pages may translate it by its code") String text) {
    }
}
