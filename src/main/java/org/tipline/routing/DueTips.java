package org.tipline.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.tipline.tip.Tip;

/**
 * Serves the due timers of tips (escalations, call-down steps) one tip per transaction. A tip whose work fails
 * (a bug, a row the code did not expect) is logged, counted in {@code tipline_routing_failures_total} and tried
 * again a minute later; it never rolls back or holds up the other tips of its batch, which a batch in one
 * transaction would do on every run, for as long as the failing tip is due.
 */
@ApplicationScoped
class DueTips {

    private static final Logger LOG = Logger.getLogger(DueTips.class);
    static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);

    private final Clock clock;
    private final MeterRegistry metrics;

    DueTips(Clock clock, MeterRegistry metrics) {
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Does {@code work} on up to {@code limit} tips whose {@code timer} is due; returns on how many it succeeded. */
    int serve(Tip.Timer timer, int limit, Consumer<Tip> work) {
        Instant now = clock.instant();
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> Tip.dueIds(timer, now, limit));
        int served = 0;
        for (UUID id : due) {
            try {
                boolean done = QuarkusTransaction.requiringNew().call(() -> Tip.lockIfDue(timer, id, now).map(tip -> {
                    work.accept(tip);
                    return true;
                }).orElse(false));
                served += done ? 1 : 0;
            } catch (RuntimeException e) {
                failed(timer, id, now, e);
            }
        }
        return served;
    }

    private void failed(Tip.Timer timer, UUID id, Instant now, RuntimeException failure) {
        Counter.builder("tipline_routing_failures_total").tag("timer", timer.name().toLowerCase())
                .description("Escalations and call-down steps that failed and wait to be tried again")
                .register(metrics).increment();
        Instant retry = now.plus(RETRY_AFTER_FAILURE);
        // The type only: a message could quote a row of the tip.
        LOG.errorf("The %s of tip %s failed (%s); trying again at %s", timer, id, failure.getClass().getName(), retry);
        try {
            QuarkusTransaction.requiringNew().run(() -> Tip.<Tip>findById(id).postpone(timer, retry));
        } catch (RuntimeException e) {
            LOG.errorf("Tip %s could not be postponed either (%s)", id, e.getClass().getName());
        }
    }
}
