package org.tipline.routing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.tipline.tip.Tip;

/**
 * Escalates tips that are past their acknowledgement deadline, and again every repeat interval until
 * someone acknowledges them. Claims tips with {@code FOR UPDATE SKIP LOCKED}: safe on several replicas.
 */
@ApplicationScoped
public class EscalationJob {

    private static final int BATCH = 50;

    private final TipRouting routing;
    private final Clock clock;

    EscalationJob(TipRouting routing, Clock clock) {
        this.routing = routing;
        this.clock = clock;
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
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Tip> overdue = Tip.dueForEscalation(clock.instant(), BATCH);
            overdue.forEach(routing::escalate);
            return overdue.size();
        });
    }
}
