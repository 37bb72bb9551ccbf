package org.tipline.platform;

import java.util.List;
import java.util.OptionalInt;

/**
 * A failure the client can act on, with one stable {@code code} per kind (STYLE habit 3).
 *
 * <p>The detail is written for the client and must never hold tip content, case codes or other secrets.
 * No stack trace is captured: these are answers, not bugs.
 */
public abstract class DomainException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;

    protected DomainException(int status, String code, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** The rejected fields, for input errors; empty otherwise. */
    public List<Problem.FieldError> fieldErrors() {
        return List.of();
    }

    /** Seconds after which a retry may succeed (sent as {@code Retry-After}); empty when retrying won't help. */
    public OptionalInt retryAfterSeconds() {
        return OptionalInt.empty();
    }
}
