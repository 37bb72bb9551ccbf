package org.tipline.intake;

import java.util.OptionalInt;
import org.tipline.platform.DomainException;

/** A submission cap is reached: nothing was stored, and the reporter is told when to send again. */
class TooManyTipsException extends DomainException {

    private final int retryAfterSeconds;

    TooManyTipsException(long retryAfterSeconds) {
        super(429, "too-many-tips", "Too many tips from here",
                "Many tips were sent from this connection in a short time, so this one was not saved. Please send it "
                        + "again in " + Math.max(1, (retryAfterSeconds + 59) / 60) + " minutes. If someone is in danger now, call 911.");
        this.retryAfterSeconds = (int) Math.max(1, retryAfterSeconds);
    }

    @Override
    public OptionalInt retryAfterSeconds() {
        return OptionalInt.of(retryAfterSeconds);
    }
}
