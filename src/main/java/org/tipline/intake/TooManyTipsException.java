package org.tipline.intake;

import java.util.OptionalInt;
import org.tipline.platform.DomainException;

/** A submission cap is reached: nothing was stored, and the reporter is told when to send again. */
class TooManyTipsException extends DomainException {

    private final int retryAfterSeconds;

    private TooManyTipsException(String title, String why, long retryAfterSeconds) {
        super(429, "too-many-tips", title, why + ", so this one was not saved. Please send it again in "
                + Math.max(1, (retryAfterSeconds + 59) / 60) + " minutes. If someone is in danger now, call 911.");
        this.retryAfterSeconds = (int) Math.max(1, retryAfterSeconds);
    }

    /** This client's cap. */
    static TooManyTipsException fromThisConnection(long retryAfterSeconds) {
        return new TooManyTipsException("Too many tips from here", "Many tips were sent from this connection in a short time",
                retryAfterSeconds);
    }

    /** The cap for everyone: this client may have sent nothing else, and must not be told otherwise. */
    static TooManyTipsException fromEveryone(long retryAfterSeconds) {
        return new TooManyTipsException("The tip line is very busy", "The tip line is receiving very many tips right now",
                retryAfterSeconds);
    }

    @Override
    public OptionalInt retryAfterSeconds() {
        return OptionalInt.of(retryAfterSeconds);
    }
}
