package org.tipline.crypto;

import java.util.OptionalInt;
import org.tipline.platform.DomainException;

/** Too many case-code hashes are queued: the client should try again shortly (429 with Retry-After). */
public class HashingBusyException extends DomainException {

    private static final int RETRY_AFTER_SECONDS = 5;

    public HashingBusyException() {
        super(429, "busy", "Too many requests right now",
                "The tip line is very busy. Nothing was saved: please send again in a few seconds.");
    }

    @Override
    public OptionalInt retryAfterSeconds() {
        return OptionalInt.of(RETRY_AFTER_SECONDS);
    }
}
