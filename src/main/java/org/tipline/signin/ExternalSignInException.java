package org.tipline.signin;

import org.tipline.platform.DomainException;

/** Built-in sign-in is off: staff sign in at their organisation's identity provider (mode external-oidc). */
public class ExternalSignInException extends DomainException {

    public ExternalSignInException() {
        super(409, "external-sign-in", "Sign-in happens at your organisation's identity provider",
                "This Tipline accepts tokens of your organisation's identity provider; it does not sign anyone in itself.");
    }
}
