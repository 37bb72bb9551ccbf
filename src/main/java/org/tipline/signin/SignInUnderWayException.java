package org.tipline.signin;

import java.util.OptionalInt;
import org.tipline.platform.DomainException;

/** Another sign-in for the same email is under way: parallel guesses may not slip past the failure delay. */
public class SignInUnderWayException extends DomainException {

    private final int retryAfterSeconds;

    SignInUnderWayException(int retryAfterSeconds) {
        super(429, "sign-in-under-way", "Sign-in already under way",
                "Another sign-in for this account is being checked. Try again in a moment.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public OptionalInt retryAfterSeconds() {
        return OptionalInt.of(retryAfterSeconds);
    }
}
