package org.tipline.routing;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.tipline.tip.Tip;

/**
 * Escalates tips that are past their acknowledgement deadline, and again every repeat interval until
 * someone acknowledges them. Claims tips with {@code FOR UPDATE SKIP LOCKED}, one per transaction
 * ({@link DueTips}): safe on several replicas, and a tip that fails holds up no other.
 */
@ApplicationScoped
public class EscalationJob {

    private static final int BATCH = 50;

    private final TipRouting routing;
    private final DueTips dueTips;

    EscalationJob(TipRouting routing, DueTips dueTips) {
        this.routing = routing;
        this.dueTips = dueTips;
    }

    @Scheduled(every = "${tipline.routing.escalation-check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        while (runOnce() == BATCH) {
            // more are due: keep going
        }
    }

    /** Escalates up to one batch of overdue, unacknowledged tips. Returns how many. */
    public int runOnce() {
        return dueTips.serve(Tip.Timer.ESCALATION, BATCH, routing::escalate);
    }
}
