package org.tipline.followup;

import java.util.OptionalInt;
import org.tipline.platform.DomainException;

/** The hourly message limit of one tip is reached. */
class TooManyMessagesException extends DomainException {

    private final int retryAfterSeconds;

    TooManyMessagesException(long retryAfterSeconds) {
        super(429, "too-many-messages", "Too many messages",
                "This tip has received many messages in the last hour; please wait before sending more. "
                        + "If someone is in danger now, call 911.");
        this.retryAfterSeconds = (int) Math.max(1, Math.min(3600, retryAfterSeconds));
    }

    @Override
    public OptionalInt retryAfterSeconds() {
        return OptionalInt.of(retryAfterSeconds);
    }
}
