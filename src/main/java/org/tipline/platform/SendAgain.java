package org.tipline.platform;

import java.util.OptionalInt;

/** A 503 after which nothing was stored and the same request may succeed: sent with its {@code Retry-After}. */
final class SendAgain extends DomainException {

    private final int retryAfterSeconds;

    SendAgain(String code, String title, String detail, int retryAfterSeconds) {
        super(503, code, title, detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public OptionalInt retryAfterSeconds() {
        return OptionalInt.of(retryAfterSeconds);
    }
}
