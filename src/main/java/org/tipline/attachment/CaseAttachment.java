package org.tipline.attachment;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An attachment as the case file lists it, for one staff member. */
@Schema(name = "CaseAttachment")
public record CaseAttachment(@Schema(required = true) UUID id,
        @Schema(required = true) Instant at,
        @Schema(required = true, description = "REPORTER or STAFF") String addedBy,
        @Schema(description = "The staff member who added it; null for the reporter") UUID authorStaffId,
        @Schema(required = true, description = "image/jpeg or image/png") String mediaType,
        @Schema(required = true) int bytes,
        @Schema(required = true) int width,
        @Schema(required = true) int height,
        @Schema(required = true, description = "Sexting or sexual-abuse tip, or marked by staff") boolean sensitive,
        @Schema(required = true, description = "Whether my role may view it (sensitive: only roles the district allows)")
        boolean viewable,
        @Schema(required = true, description = "Whether it has a thumbnail (sensitive attachments never do)") boolean thumbnail) {

    static CaseAttachment of(AttachmentSummary summary, boolean viewable) {
        return new CaseAttachment(summary.id(), summary.createdAt(), summary.addedBy().name(), summary.authorStaffId(),
                summary.mediaType(), summary.sizeBytes(), summary.width(), summary.height(), summary.sensitive(), viewable,
                summary.hasThumbnail());
    }
}
