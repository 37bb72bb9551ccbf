package org.tipline.notify;

import java.io.IOException;

/**
 * A send that the other side refused, or that could not start, described by fixed text and at most a status code: the
 * worker keeps this description in {@code last_error}. Never built from a response body or a recipient, which could
 * hold a phone number or the gateway's echo of the message.
 */
class SendFailure extends IOException {

    SendFailure(String description) {
        super(description);
    }

    /** What {@code last_error} keeps. */
    String description() {
        return getMessage();
    }
}
