package org.tipline.signin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.tipline.directory.Staff;
import org.tipline.crypto.PasswordHasher;
import org.tipline.auth.AuthMode;
import org.tipline.auth.AuthSettings;

/**
 * Signs staff in with email, password (Argon2id) and, when the account has one, a TOTP code. Every
 * failure gives the same answer after the same work: an unknown email is checked against a dummy hash,
 * and each email's recent failures add a growing delay, which parallel attempts cannot share (one attempt per
 * email at a time). Password hashing itself is bounded ({@code PasswordHasher}).
 */
@ApplicationScoped
public class StaffSignIn {

    private final PasswordHasher passwords;
    private final TotpVerifier totp;
    private final FailedSignIns failures;
    private final TokenIssuer tokens;
    private final boolean builtIn;
    private final String dummyHash;

    StaffSignIn(PasswordHasher passwords, TotpVerifier totp, FailedSignIns failures, TokenIssuer tokens,
            AuthSettings settings) {
        this.builtIn = settings.mode() == AuthMode.BUILT_IN;
        this.passwords = passwords;
        this.totp = totp;
        this.failures = failures;
        this.tokens = tokens;
        this.dummyHash = passwords.hash("not a password anyone has".toCharArray());
    }

    public AccessToken signIn(LoginRequest request) {
        if (!builtIn) {
            // Refused before any work: no password of this service is checked, and no token issued.
            throw new ExternalSignInException();
        }
        Instant lease = failures.begin(request.email());
        try {
            return check(request);
        } finally {
            failures.end(request.email(), lease);
        }
    }

    private AccessToken check(LoginRequest request) {
        pause(failures.delayFor(request.email()));
        Staff staff = QuarkusTransaction.requiringNew().call(() -> Staff.<Staff>find("lower(email) = ?1",
                Staff.normalizedEmail(request.email())).firstResult());
        boolean passwordMatches = passwords.matches(request.password().toCharArray(),
                staff != null && staff.passwordHash != null ? staff.passwordHash : dummyHash);
        TotpVerifier.Decision secondFactor = staff != null && staff.enabled && passwordMatches
                ? totp.check(staff, request.totp())
                : TotpVerifier.Decision.REJECTED;
        if (secondFactor == TotpVerifier.Decision.REJECTED) {
            failures.failed(request.email());
            throw new InvalidCredentialsException();
        }
        failures.succeeded(request.email());
        return secondFactor == TotpVerifier.Decision.ACCEPTED ? tokens.issue(staff) : tokens.issueForEnrolment(staff);
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidCredentialsException();
        }
    }
}
