package org.tipline.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.audit.AuditEntry;
import org.tipline.audit.AuditLog;
import org.tipline.auth.StaffScope;
import org.tipline.directory.Staff;
import org.tipline.tip.Tip;
import org.tipline.tip.TipHistory;

/** Who opened a tip's case file and when, from the audit log: what a court order asks for. Reading it is audited too. */
@ApplicationScoped
public class AccessLog {

    /** The audit action of opening a case file ({@code CaseFiles.read}). */
    static final String READ = "TIP_READ";
    private static final int PAGE = 500;

    private final AuditLog audit;
    private final TipHistory history;

    AccessLog(AuditLog audit, TipHistory history) {
        this.audit = audit;
        this.history = history;
    }

    /** One opening of the case file. */
    @Schema(name = "TipAccess")
    public record Access(@Schema(required = true) Instant at,
            @Schema(required = true, description = "Staff id as the audit log has it") String staffId,
            @Schema(description = "The account's name and role now; null if no account has this id") String name,
            String role) {
    }

    /** Every opening of the tip's case file, newest first. */
    @Transactional
    public List<Access> of(StaffScope scope, UUID tipId) {
        Tip tip = Tip.readableInScope(scope, tipId);
        List<Access> reads = new ArrayList<>();
        for (int page = 0;; page++) {
            AuditEntry.Page entries = audit.list(true, Set.of(), Optional.of(tipId), Optional.empty(), Optional.of(READ),
                    Optional.empty(), Optional.empty(), page, PAGE);
            entries.items().forEach(entry -> reads.add(access(entry)));
            if ((long) (page + 1) * PAGE >= entries.total()) {
                break;
            }
        }
        history.audit(tip, "ACCESS_LOG_READ", scope.staffId().toString(), null);
        return reads;
    }

    private static Access access(AuditEntry entry) {
        Staff staff = staffOf(entry.actor());
        return new Access(entry.at(), entry.actor(), staff == null ? null : staff.displayName,
                staff == null ? null : staff.role.name());
    }

    private static Staff staffOf(String actor) {
        try {
            return Staff.findById(UUID.fromString(actor));
        } catch (IllegalArgumentException e) {
            return null; // system actors
        }
    }
}
