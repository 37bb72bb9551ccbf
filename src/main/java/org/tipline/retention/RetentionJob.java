package org.tipline.retention;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Shreds closed tips past their retention period and flags tips that stayed open too long, one tip per transaction
 * ({@link TipWalk}). Each tip is locked {@code FOR UPDATE SKIP LOCKED} and checked again before its step: any number
 * of replicas can run it at once, each tip is shredded (or flagged) once, and a tip that fails holds up no other.
 */
@ApplicationScoped
public class RetentionJob {

    static final int BATCH = 50;

    private final Shredder shredder;
    private final ReviewFlags flags;
    private final TipWalk walk;
    private final Clock clock;

    RetentionJob(Shredder shredder, ReviewFlags flags, TipWalk walk, Clock clock) {
        this.shredder = shredder;
        this.flags = flags;
        this.walk = walk;
        this.clock = clock;
    }

    @Scheduled(every = "${tipline.retention.check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        shredDue();
        flagDue();
    }

    /** Shreds every tip due now, each in a transaction of its own. Returns how many it shredded. */
    public int shredDue() {
        Instant now = clock.instant();
        return walk.walk("shred", BATCH, (after, limit) -> shredder.due(now, after, limit),
                tipId -> shredder.shredIfDue(tipId, now));
    }

    /** Flags (and mails about) every tip open past its review period, each in a transaction of its own. */
    public int flagDue() {
        Instant now = clock.instant();
        return walk.walk("review", BATCH, (after, limit) -> flags.due(now, after, limit),
                tipId -> flags.flagIfDue(tipId, now));
    }
}
