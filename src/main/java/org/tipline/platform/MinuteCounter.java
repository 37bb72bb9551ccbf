package org.tipline.platform;

import java.time.Instant;

/** A count per clock minute, for the global side of the abuse limits: coarse, cheap, in memory only. */
public final class MinuteCounter {

    private long minute;
    private int count;

    /** Seconds until the next minute when this minute already holds {@code limit}; 0 when there is room. */
    public synchronized long fullFor(Instant now, int limit) {
        roll(now);
        return count >= limit ? (minute + 1) * 60 - now.getEpochSecond() : 0;
    }

    public synchronized void add(Instant now) {
        roll(now);
        count++;
    }

    /** Adds one when there is room; otherwise leaves the count and returns the seconds until the next minute. */
    public synchronized long addIfRoom(Instant now, int limit) {
        long wait = fullFor(now, limit);
        if (wait == 0) {
            count++;
        }
        return wait;
    }

    private void roll(Instant now) {
        long current = now.getEpochSecond() / 60;
        if (current != minute) {
            minute = current;
            count = 0;
        }
    }
}
