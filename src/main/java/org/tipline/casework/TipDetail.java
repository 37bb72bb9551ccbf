package org.tipline.casework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tip as staff in scope read it: metadata, what the reporter wrote, recipients and history. */
@Schema(name = "TipDetail")
public record TipDetail(
        @Schema(required = true) UUID id,
        @Schema(required = true) String reference,
        UUID schoolId,
        String schoolName,
        @Schema(required = true) String category,
        @Schema(required = true) String urgency,
        @Schema(required = true) String status,
        @Schema(description = "Set when closed") String outcome,
        @Schema(description = "Key of the closing message the reporter sees") String closingNote,
        @Schema(description = "The staff member leading the case") UUID leadStaffId,
        @Schema(required = true) Instant submittedAt,
        @Schema(required = true) Instant ackDeadline,
        Instant acknowledgedAt,
        @Schema(required = true) Content content,
        @Schema(required = true) List<RecipientView> recipients,
        @Schema(required = true) List<HistoryEntry> history,
        @Schema(required = true) List<Note> notes,
        @Schema(required = true) List<Message> messages) {

    /** A staff-only note. */
    @Schema(name = "TipNoteView")
    public record Note(@Schema(required = true) UUID id, @Schema(required = true) Instant at,
            @Schema(required = true) UUID authorStaffId, @Schema(required = true) String body) {
    }

    /** A message of the conversation with the reporter. */
    @Schema(name = "TipMessageView")
    public record Message(@Schema(required = true) UUID id, @Schema(required = true) Instant at,
            @Schema(required = true, description = "TO_REPORTER or FROM_REPORTER") String direction,
            @Schema(description = "Staff author; null for the reporter") UUID authorStaffId,
            @Schema(required = true) String body) {
    }

    /** What the reporter wrote, decrypted for this answer only. */
    @Schema(name = "TipContent")
    public record Content(@Schema(required = true) String description, String location, String when,
            String peopleInvolved, String reporterContact, String language) {
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

    @Override
    public String toString() {
        return "TipDetail[" + reference + ", content REDACTED]";
    }
}
