package org.tipline.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Walks the tips due for a retention step (shredding, a review flag) once, one transaction per tip. A tip whose step
 * fails (a bug, a row the code did not expect) is logged with its id, counted in
 * {@code tipline_retention_failures_total} and passed over until the job's next run; it never rolls back or holds up
 * the other tips, which a batch in one transaction would do on every run for as long as that tip stayed due. The walk
 * goes forward in the step's order (a time, then the id), so a tip that failed is not met again in the same run.
 */
@ApplicationScoped
class TipWalk {

    private static final Logger LOG = Logger.getLogger(TipWalk.class);

    /** A tip due for a step, at its place in the walk's order. */
    record Due(Instant at, UUID id) {

        /** Before every tip. */
        static final Due START = new Due(Instant.EPOCH, new UUID(0, 0));

        /** A row of a native query: the time, then the id. */
        static Due of(Object[] row) {
            return new Due(LegalHolds.instant(row[0]), (UUID) row[1]);
        }
    }

    private final MeterRegistry metrics;

    TipWalk(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /**
     * Lists due tips {@code batch} at a time ({@code due}: those after the given one, in order), each list in a
     * transaction of its own, and does {@code step} on each tip in a new transaction; {@code step} locks the tip's row
     * {@code FOR UPDATE SKIP LOCKED}, checks that it is still due and answers whether it did the step (not when another
     * replica holds the tip or has done it). Returns on how many tips the step was done.
     */
    int walk(String name, int batch, BiFunction<Due, Integer, List<Due>> due, Predicate<UUID> step) {
        int done = 0;
        Due after = Due.START;
        List<Due> listed;
        do {
            Due from = after;
            listed = QuarkusTransaction.requiringNew().call(() -> due.apply(from, batch));
            for (Due tip : listed) {
                try {
                    done += QuarkusTransaction.requiringNew().call(() -> step.test(tip.id())) ? 1 : 0;
                } catch (RuntimeException e) {
                    failed(name, tip.id(), e);
                }
            }
            after = listed.isEmpty() ? after : listed.get(listed.size() - 1);
        } while (listed.size() == batch);
        return done;
    }

    private void failed(String name, UUID tipId, RuntimeException failure) {
        Counter.builder("tipline_retention_failures_total").tag("step", name)
                .description("Retention steps (shredding, review flags) on a tip that failed and wait for the next run")
                .register(metrics).increment();
        // The type only: a message could quote a row of the tip.
        LOG.errorf("The retention step %s of tip %s failed (%s); trying again at the next run", name, tipId,
                failure.getClass().getName());
    }
}
