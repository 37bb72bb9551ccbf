package org.tipline.signin;

import org.tipline.platform.DomainException;

/** Sign-in failed. The same answer for an unknown email, a wrong password, a disabled account or a bad code. */
public class InvalidCredentialsException extends DomainException {

    public InvalidCredentialsException() {
        super(401, "invalid-credentials", "Sign-in failed", "The email, password or code is not right.");
    }
}
