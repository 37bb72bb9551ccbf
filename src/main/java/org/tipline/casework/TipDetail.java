package org.tipline.casework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.attachment.CaseAttachment;
import org.tipline.retention.TipRetention;
import org.tipline.platform.Redaction;
import org.tipline.platform.Redaction.Redacted;

/** A tip as staff in scope read it: metadata, what the reporter wrote, recipients, history and attachments. */
@Schema(name = "TipDetail")
public record TipDetail(
        @Schema(required = true) UUID id,
        @Schema(required = true) String reference,
        UUID schoolId,
        String schoolName,
        @Schema(required = true, description = TIME_ZONE, example = "America/Denver") String timeZone,
        @Schema(required = true) String category,
        @Schema(required = true) String urgency,
        @Schema(required = true, description = "How it came in: WEB, or taken by staff by PHONE, WALK_IN, EMAIL or TEXT")
        String channel,
        @Schema(required = true) String status,
        @Schema(description = "Set when closed") String outcome,
        @Schema(description = "Key of the closing message the reporter sees") String closingNote,
        @Schema(description = "The staff member leading the case") UUID leadStaffId,
        @Schema(required = true) Instant submittedAt,
        @Schema(required = true) Instant ackDeadline,
        Instant acknowledgedAt,
        @Schema(description = "What the reporter wrote; null once shredded (see retention)") @Redacted Content content,
        @Schema(required = true) List<RecipientView> recipients,
        @Schema(required = true) List<HistoryEntry> history,
        @Schema(required = true) List<Note> notes,
        @Schema(required = true) List<Message> messages,
        @Schema(required = true, description = "Images from the reporter and staff, oldest first") List<CaseAttachment> attachments,
        @Schema(required = true, description = "Shredding, legal hold and review") TipRetention retention) {

    /** How the views describe their time zone. */
    static final String TIME_ZONE = "IANA time zone in which to show the tip's times: its school's district's, or the tip "
            + "line's own for a tip without a school";

    /** A staff-only note. */
    @Schema(name = "TipNoteView")
    public record Note(@Schema(required = true) UUID id, @Schema(required = true) Instant at,
            @Schema(required = true) UUID authorStaffId, @Schema(required = true) @Redacted String body) {

        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    /** A message of the conversation with the reporter. */
    @Schema(name = "TipMessageView")
    public record Message(@Schema(required = true) UUID id, @Schema(required = true) Instant at,
            @Schema(required = true, description = "TO_REPORTER or FROM_REPORTER") String direction,
            @Schema(description = "Staff author; null for the reporter") UUID authorStaffId,
            @Schema(required = true) @Redacted String body) {

        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    /** What the reporter wrote, decrypted for this answer only. */
    @Schema(name = "TipContent")
    public record Content(@Schema(required = true) @Redacted String description, @Redacted String location,
            @Redacted String when, @Redacted String peopleInvolved, @Redacted String reporterContact,
            @Redacted String language) {

        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    /** Who the tip went to, and why. */
    @Schema(name = "TipRecipientView")
    public record RecipientView(@Schema(required = true) String email, @Schema(required = true) String role,
            @Schema(required = true) String reason, @Schema(required = true) boolean lead) {
    }

    /** One step of the tip's history. */
    @Schema(name = "HistoryEntry")
    public record HistoryEntry(@Schema(required = true) Instant at, @Schema(required = true) String kind,
            @Schema(required = true) String actor, String detail) {
    }

    /**
     * Metadata prints; notes and messages print through their own redacting toString; the content, all of it
     * the reporter's, does not print even as {@code Content[...]} (redacted twice, in case a field is added there).
     */
    @Override
    public String toString() {
        return Redaction.toString(this);
    }
}
