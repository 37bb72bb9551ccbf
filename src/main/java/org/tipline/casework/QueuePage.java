package org.tipline.casework;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the queue. */
@Schema(name = "QueuePage")
public record QueuePage(@Schema(required = true) List<QueueItem> items, @Schema(required = true) int page,
        @Schema(required = true) int size, @Schema(required = true) long total) {
}
