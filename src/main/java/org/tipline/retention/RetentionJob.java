package org.tipline.retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Shreds closed tips past their retention period and flags tips that stayed open too long, one batch per
 * transaction. Tips are claimed with {@code FOR UPDATE SKIP LOCKED}: any number of replicas can run it at once, and
 * each tip is shredded once.
 */
@ApplicationScoped
public class RetentionJob {

    static final int BATCH = 50;

    private final Shredder shredder;
    private final ReviewFlags flags;

    RetentionJob(Shredder shredder, ReviewFlags flags) {
        this.shredder = shredder;
        this.flags = flags;
    }

    @Scheduled(every = "${tipline.retention.check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        while (shredOnce() == BATCH) {
            // more are due: keep going
        }
        while (flagOnce() == BATCH) {
            // more are due: keep going
        }
    }

    /** Shreds up to one batch of due tips in one transaction. Returns how many were claimed. */
    public int shredOnce() {
        return QuarkusTransaction.requiringNew().call(() -> shredder.shredDue(BATCH));
    }

    /** Flags up to one batch of tips open past their review period. Returns how many. */
    public int flagOnce() {
        return QuarkusTransaction.requiringNew().call(() -> flags.flagDue(BATCH));
    }
}
