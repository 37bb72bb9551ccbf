package org.tipline.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * The signed-in staff member of the current request and their scope, as {@link StaffTokenCheck} found
 * them when it checked the token: one lookup per request, and one place that knows where they come from.
 */
@RequestScoped
public class CurrentStaff {

    /**
     * The one role of a token that may do nothing but enrol a TOTP authenticator: an account that must have
     * TOTP and has none gets such a token for the right password.
     */
    public static final String TOTP_ENROLMENT = "TOTP_ENROLMENT";

    static final String SCOPE = "tipline.scope";

    private final SecurityIdentity identity;

    CurrentStaff(SecurityIdentity identity) {
        this.identity = identity;
    }

    public StaffScope scope() {
        StaffScope scope = identity.getAttribute(SCOPE);
        if (scope == null) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        return scope;
    }

    public UUID id() {
        return scope().staffId();
    }
}
