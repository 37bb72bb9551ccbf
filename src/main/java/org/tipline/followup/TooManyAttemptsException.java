package org.tipline.followup;

import java.util.OptionalInt;
import org.tipline.platform.DomainException;

/** Too many wrong case codes, from this client or from everyone: wait, then try again (429 with Retry-After). */
class TooManyAttemptsException extends DomainException {

    private final int retryAfterSeconds;

    TooManyAttemptsException(long retryAfterSeconds) {
        super(429, "too-many-attempts", "Too many attempts",
                "Too many case codes were tried. Wait " + Math.max(1, retryAfterSeconds)
                        + " seconds, then enter your code again. If you are in danger now, call 911.");
        this.retryAfterSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, retryAfterSeconds));
    }

    @Override
    public OptionalInt retryAfterSeconds() {
        return OptionalInt.of(retryAfterSeconds);
    }
}
