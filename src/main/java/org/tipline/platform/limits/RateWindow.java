package org.tipline.platform.limits;

import java.time.Duration;
import java.time.Instant;

/**
 * Events counted over a sliding window made of fixed buckets (e.g. ten one-minute buckets): the count covers
 * the current bucket and the ones before it that still lie inside the window, so it neither resets to zero on
 * the hour like a fixed window nor keeps a timestamp per event. In memory only; thread-safe.
 */
public final class RateWindow {

    private final long bucketMillis;
    private final long[] counts;
    private final long[] bucketOf;

    public RateWindow(Duration bucket, int buckets) {
        if (bucket.toMillis() <= 0 || buckets <= 0) {
            throw new IllegalArgumentException("a rate window needs a positive bucket and bucket count");
        }
        this.bucketMillis = bucket.toMillis();
        this.counts = new long[buckets];
        this.bucketOf = new long[buckets];
    }

    /** Counts one event now and answers the window's count including it. */
    public synchronized long add(Instant now) {
        long bucket = bucket(now);
        int slot = slot(bucket);
        if (bucketOf[slot] != bucket) {
            bucketOf[slot] = bucket;
            counts[slot] = 0;
        }
        counts[slot]++;
        return count(bucket);
    }

    /** The events counted inside the window that ends now. */
    public synchronized long count(Instant now) {
        return count(bucket(now));
    }

    /** True when nothing inside the window ending now was counted: the entry may be forgotten. */
    public synchronized boolean isEmpty(Instant now) {
        return count(now) == 0;
    }

    private long count(long current) {
        long total = 0;
        for (int slot = 0; slot < counts.length; slot++) {
            if (bucketOf[slot] > current - counts.length && bucketOf[slot] <= current) {
                total += counts[slot];
            }
        }
        return total;
    }

    private long bucket(Instant now) {
        return Math.floorDiv(now.toEpochMilli(), bucketMillis);
    }

    private int slot(long bucket) {
        return (int) Math.floorMod(bucket, (long) counts.length);
    }
}
