package org.tipline.routing;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.tipline.tip.Tip;

/**
 * Calls the due steps of life-safety tips' call-down ladders. Claims tips with {@code FOR UPDATE SKIP LOCKED}: safe
 * on several replicas, and an acknowledgement waits for a step in progress, after which no further step is called.
 */
@ApplicationScoped
public class CallDownJob {

    private static final int BATCH = 50;

    private final CallDown callDown;
    private final DueTips dueTips;

    CallDownJob(CallDown callDown, DueTips dueTips) {
        this.callDown = callDown;
        this.dueTips = dueTips;
    }

    @Scheduled(every = "${tipline.routing.call-down-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        while (runOnce() == BATCH) {
            // more are due: keep going
        }
    }

    /** Calls the due steps of up to one batch of tips. Returns how many tips. */
    public int runOnce() {
        return dueTips.serve(Tip.Timer.CALL_DOWN, BATCH, callDown::callDueSteps);
    }
}
