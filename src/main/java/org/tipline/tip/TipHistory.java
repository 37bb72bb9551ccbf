package org.tipline.tip;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.tipline.audit.AuditLog;

/**
 * The one place where what happens to a tip is written down: its history (shown in the case file) and,
 * for what a person did, the audit log under the action {@code TIP_<kind>}. Runs in the caller's transaction.
 */
@ApplicationScoped
public class TipHistory {

    /** The actor of automatic steps (routing, escalation). */
    public static final String SYSTEM = "system";
    /** The actor of the reporter's own steps: never anything that could identify them. */
    public static final String REPORTER = "reporter";

    private final Clock clock;
    private final AuditLog audit;

    TipHistory(Clock clock, AuditLog audit) {
        this.clock = clock;
        this.audit = audit;
    }

    /** A step someone took (staff or the reporter): in the tip's history and in the audit log. */
    public void step(Tip tip, String kind, String actor, String detail) {
        event(tip.id(), kind, actor, detail);
        audit(tip, kind, actor, detail);
    }

    /** A history entry only: automatic steps, and the reporter's submission (which the audit log leaves out). */
    public void event(UUID tipId, String kind, String actor, String detail) {
        TipEvent.record(tipId, clock.instant(), kind, actor, detail);
    }

    /**
     * An audit entry only: reading a case, and the audit side of a step whose history entry routing writes. It is
     * stamped with the tip's school at this moment, so the audit trail stays visible to that school's district.
     */
    public void audit(Tip tip, String kind, String actor, String detail) {
        audit.append(actor, "TIP_" + kind, tip.id(), tip.schoolId(), detail);
    }
}
