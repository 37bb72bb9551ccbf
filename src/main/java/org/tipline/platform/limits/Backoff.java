package org.tipline.platform.limits;

import java.time.Duration;

/**
 * A wait that doubles with each failure: nothing for the first {@code free} failures, then {@code first},
 * {@code 2 x first}, {@code 4 x first} ... never more than {@code max}. The one formula of every growing wait
 * (wrong case codes, failed sign-ins, notification retries).
 */
public record Backoff(Duration first, Duration max, int free) {

    public Backoff {
        if (first.isNegative() || max.compareTo(first) < 0 || free < 0) {
            throw new IllegalArgumentException("a backoff needs 0 <= first <= max and free >= 0");
        }
    }

    /** A backoff that waits from the first failure on. */
    public static Backoff from(Duration first, Duration max) {
        return new Backoff(first, max, 0);
    }

    /** The wait after this many failures in a row. */
    public Duration after(int failures) {
        int beyondFree = failures - free;
        if (beyondFree <= 0) {
            return Duration.ZERO;
        }
        // 2^30 times any first wait is beyond every max worth configuring; the shift never overflows.
        Duration wait = first.multipliedBy(1L << Math.min(beyondFree - 1, 30));
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
