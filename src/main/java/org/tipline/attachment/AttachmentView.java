package org.tipline.attachment;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An attachment just stored: what was kept of the image. */
@Schema(name = "Attachment")
public record AttachmentView(@Schema(required = true) UUID id,
        @Schema(required = true, description = "image/jpeg or image/png: the stored, re-encoded image") String mediaType,
        @Schema(required = true, description = "Size of the stored image") int bytes,
        @Schema(required = true) int width,
        @Schema(required = true) int height) {
}
