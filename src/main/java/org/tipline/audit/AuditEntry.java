package org.tipline.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An audit event as listed. */
@Schema(name = "AuditEntry")
public record AuditEntry(@Schema(required = true) long seq, @Schema(required = true) Instant at,
        @Schema(required = true, description = "Staff id, or system") String actor, @Schema(required = true) String action,
        UUID tipId, String detail) {

    static AuditEntry of(AuditEvent event) {
        return new AuditEntry(event.seq, event.at, event.actor, event.action, event.tipId, event.detail);
    }

    /** A page of audit events, newest first. */
    @Schema(name = "AuditPage")
    public record Page(@Schema(required = true) List<AuditEntry> items, @Schema(required = true) int page,
            @Schema(required = true) int size, @Schema(required = true) long total) {
    }
}
