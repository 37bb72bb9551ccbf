package org.tipline.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.tipline.intake.Tip;
import org.tipline.intake.TipEvent;

/** Moves tips through their lifecycle (DESIGN 3). Acknowledging a tip stops its escalation. */
@ApplicationScoped
public class CaseLifecycle {

    private final Clock clock;

    CaseLifecycle(Clock clock) {
        this.clock = clock;
    }

    /** NEW to ACKNOWLEDGED; {@link IllegalTransitionException} from any other status. */
    @Transactional
    public void acknowledge(UUID tipId, String actor) {
        Tip tip = Tip.findById(tipId);
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
