package org.tipline.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.tipline.audit.AuditLog;
import org.tipline.intake.Tip;
import org.tipline.intake.TipEvent;

/** Moves tips through their lifecycle (DESIGN 3). Acknowledging a tip stops its escalation. */
@ApplicationScoped
public class CaseLifecycle {

    private final Clock clock;
    private final AuditLog audit;

    CaseLifecycle(Clock clock, AuditLog audit) {
        this.clock = clock;
        this.audit = audit;
    }

    /** NEW to ACKNOWLEDGED by a staff member in scope; {@link IllegalTransitionException} from any other status. */
    @Transactional
    public void acknowledge(StaffScope scope, UUID tipId) {
        Tip tip = CaseFiles.inScope(scope, tipId);
        acknowledge(tip, scope.staffId().toString());
        audit.append(scope.staffId().toString(), "TIP_ACKNOWLEDGED", tip.id, null);
    }

    private void acknowledge(Tip tip, String actor) {
        if (!"NEW".equals(tip.status)) {
            throw new IllegalTransitionException(tip.status, "ACKNOWLEDGED");
        }
        Instant now = clock.instant();
        tip.status = "ACKNOWLEDGED";
        tip.acknowledgedAt = now;
        tip.nextEscalationAt = null;
        TipEvent.record(tip.id, now, "ACKNOWLEDGED", actor, null);
    }
}
