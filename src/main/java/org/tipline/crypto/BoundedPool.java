package org.tipline.crypto;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of things that expensive work needs one of (an Argon2id instance with its memory, or just a permit to
 * hash), handed out fairly: at most {@code maxWaiting} callers wait, each at most {@code maxWait}; the rest get
 * {@link HashingBusyException} (503) at once. A flood therefore cannot pile up threads or starve other endpoints.
 */
final class BoundedPool<T> {

    private final BlockingQueue<T> free;
    private final int maxWaiting;
    private final long maxWaitMillis;
    private final AtomicInteger waiting = new AtomicInteger();

    BoundedPool(Collection<T> items, int maxWaiting, Duration maxWait) {
        this.free = new ArrayBlockingQueue<>(items.size(), true, items);
        this.maxWaiting = maxWaiting;
        this.maxWaitMillis = maxWait.toMillis();
    }

    /** Items not handed out right now. */
    int free() {
        return free.size();
    }

    T acquire() {
        T item = free.poll();
        if (item != null) {
            return item;
        }
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            throw new HashingBusyException();
        }
        try {
            T next = free.poll(maxWaitMillis, TimeUnit.MILLISECONDS);
            if (next == null) {
                throw new HashingBusyException();
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HashingBusyException();
        } finally {
            waiting.decrementAndGet();
        }
    }

    void release(T item) {
        free.add(item);
    }
}
