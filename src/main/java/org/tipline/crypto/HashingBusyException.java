package org.tipline.crypto;

import java.util.OptionalInt;
import org.tipline.platform.DomainException;

/**
 * Too many hashes are queued: the server itself is saturated, which is no fault of this client (503 with
 * Retry-After). The tip form sends again by itself with the same Idempotency-Key.
 */
public class HashingBusyException extends DomainException {

    private static final int RETRY_AFTER_SECONDS = 5;

    public HashingBusyException() {
        super(503, "busy", "The tip line is very busy",
                "The tip line is very busy. Nothing was saved: please send again in a few seconds.");
    }

    @Override
    public OptionalInt retryAfterSeconds() {
        return OptionalInt.of(RETRY_AFTER_SECONDS);
    }
}
