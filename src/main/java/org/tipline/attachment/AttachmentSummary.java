package org.tipline.attachment;

import java.time.Instant;
import java.util.UUID;

/** What a list shows of an attachment, without its sealed bytes. */
record AttachmentSummary(UUID id, Attachment.AddedBy addedBy, UUID authorStaffId, Instant createdAt, String mediaType,
        int sizeBytes, int width, int height, boolean sensitive, boolean hasThumbnail) {
}
