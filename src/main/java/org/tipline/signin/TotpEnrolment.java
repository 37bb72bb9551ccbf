package org.tipline.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import org.tipline.audit.AuditLog;
import org.tipline.directory.Staff;
import org.tipline.platform.DomainException;
import org.tipline.platform.InvalidFieldException;

/** Sets up a staff member's TOTP authenticator: a new secret, then a code that proves the app has it. */
@ApplicationScoped
public class TotpEnrolment {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TotpVerifier verifier;
    private final AuditLog audit;
    private final Clock clock;

    TotpEnrolment(TotpVerifier verifier, AuditLog audit, Clock clock) {
        this.verifier = verifier;
        this.audit = audit;
        this.clock = clock;
    }

    /** TOTP is already on for this account; a reset by an administrator comes first. */
    static class AlreadyEnabledException extends DomainException {
        AlreadyEnabledException() {
            super(409, "totp-already-enabled", "TOTP already set up", "This account already uses TOTP.");
        }
    }

    @Transactional
    public TotpSetup start(UUID staffId) {
        Staff staff = Staff.findById(staffId);
        if (staff.totpEnabled) {
            throw new AlreadyEnabledException();
        }
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        staff.totpSecret = verifier.seal(staff, secret);
        String encoded = base32(secret);
        java.util.Arrays.fill(secret, (byte) 0);
        String label = URLEncoder.encode("Tipline:" + staff.email, StandardCharsets.UTF_8).replace("+", "%20");
        return new TotpSetup(encoded, "otpauth://totp/" + label + "?secret=" + encoded
                + "&issuer=Tipline&algorithm=SHA1&digits=6&period=30");
    }

    /** Turns TOTP on once a code matches; tokens issued so far (the enrolment token) stop working. */
    @Transactional
    public void confirm(UUID staffId, String code) {
        Staff staff = Staff.findById(staffId);
        if (staff.totpEnabled) {
            throw new AlreadyEnabledException();
        }
        if (!verifier.acceptsOnce(staff, staff.totpSecret, code)) {
            throw new InvalidFieldException("code", "does not match the authenticator; start again if needed");
        }
        // The used time step was recorded in a transaction of its own: reload, so this one does not undo it.
        Staff.getEntityManager().refresh(staff);
        staff.totpEnabled = true;
        staff.revokeTokens(clock.instant());
        audit.append(staffId.toString(), "TOTP_ENABLED", null, null);
    }

    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }
}
