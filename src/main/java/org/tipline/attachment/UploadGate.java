package org.tipline.attachment;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalInt;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.tipline.platform.DomainException;

/**
 * Bounds the memory of uploads: at most {@code concurrent} of them read their body and decode it at a time (each holds
 * at most the body limit and the stored pixel limit); the others wait, up to {@code maxWaiting} of them for at most
 * {@code maxWait}, without reading, so their bodies stay in the network's buffers and not in the heap.
 */
@ApplicationScoped
class UploadGate {

    private final Semaphore turns;
    private final int maxWaiting;
    private final long maxWaitMillis;
    private final AtomicInteger waiting = new AtomicInteger();

    UploadGate(AttachmentSettings settings) {
        this.turns = new Semaphore(settings.concurrent(), true);
        this.maxWaiting = settings.maxWaiting();
        this.maxWaitMillis = settings.maxWait().toMillis();
    }

    <T> T run(Supplier<T> work) {
        acquire();
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }

    private void acquire() {
        if (turns.tryAcquire()) {
            return;
        }
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            throw new UploadsBusyException();
        }
        try {
            if (!turns.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS)) {
                throw new UploadsBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UploadsBusyException();
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Every turn is taken and the queue is full or was waited out: the server is saturated (503). */
    static class UploadsBusyException extends DomainException {

        UploadsBusyException() {
            super(503, "busy", "The tip line is very busy",
                    "The tip line is very busy. The image was not saved: please send it again in a few seconds.");
        }

        @Override
        public OptionalInt retryAfterSeconds() {
            return OptionalInt.of(5);
        }
    }
}
