package org.tipline.casework;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One tip in a staff queue: metadata only, nothing decrypted. */
@Schema(name = "QueueItem")
public record QueueItem(
        @Schema(required = true) UUID id,
        @Schema(required = true) String reference,
        @Schema(description = "Null when the reporter did not know the school") UUID schoolId,
        @Schema(description = "Null when the reporter did not know the school") String schoolName,
        @Schema(required = true) String category,
        @Schema(required = true) String urgency,
        @Schema(required = true) String status,
        @Schema(required = true) Instant submittedAt,
        @Schema(required = true, description = "Seconds since submission") long ageSeconds,
        @Schema(required = true) Instant ackDeadline,
        @Schema(required = true, description = "Past its deadline and not yet acknowledged") boolean overdue,
        @Schema(required = true, description = "Reporter messages no staff member has read yet") int unreadReporterMessages,
        @Schema(required = true, description = TipDetail.TIME_ZONE, example = "America/Denver") String timeZone) {
}
