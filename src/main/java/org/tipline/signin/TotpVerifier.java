package org.tipline.signin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tipline.crypto.Aes256Gcm;
import org.tipline.crypto.SecretBytes;
import org.tipline.crypto.ServerSecrets;
import org.tipline.directory.Staff;
import org.tipline.auth.AuthSettings;

/**
 * TOTP second factor (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, one step of tolerance either side).
 * Secrets are stored sealed (AES-256-GCM under a key derived from the server pepper, bound to the staff id).
 */
@ApplicationScoped
class TotpVerifier {

    private static final int STEP_SECONDS = 30;
    private static final int DIGITS = 6;

    private final AuthSettings settings;
    private final ServerSecrets secrets;
    private final Clock clock;

    TotpVerifier(AuthSettings settings, ServerSecrets secrets, Clock clock) {
        this.settings = settings;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** The outcome of the second-factor check at sign-in. */
    enum Decision {
        ACCEPTED,
        REJECTED,
        /** The password was right, the policy requires TOTP and the account has none yet: enrol first. */
        ENROLMENT_REQUIRED
    }

    /**
     * A valid code for an enrolled account is accepted; an account without TOTP passes when the policy
     * allows that and must enrol first when it does not.
     */
    Decision check(Staff staff, String code) {
        if (!staff.totpEnabled) {
            return settings.totpRequired() ? Decision.ENROLMENT_REQUIRED : Decision.ACCEPTED;
        }
        return acceptsOnce(staff, staff.totpSecret, code) ? Decision.ACCEPTED : Decision.REJECTED;
    }

    /**
     * Whether {@code code} is valid now for the sealed secret (one step of tolerance either side) and
     * its time step has not been used before by this account; the step is then used up.
     */
    boolean acceptsOnce(Staff staff, byte[] sealedSecret, String code) {
        if (sealedSecret == null || code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return false;
        }
        byte[] secret = Aes256Gcm.open(sealingKey(), sealedSecret, associatedData(staff));
        long now = clock.instant().getEpochSecond() / STEP_SECONDS;
        long matchedStep = -1;
        for (long candidate = now - 1; candidate <= now + 1; candidate++) {
            if (MessageDigest.isEqual(code(secret, candidate).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII))) {
                matchedStep = candidate;
            }
        }
        java.util.Arrays.fill(secret, (byte) 0);
        return matchedStep >= 0 && claimStep(staff.id, matchedStep);
    }

    /**
     * Records {@code step} as the account's last used one, if it is later than the last: atomically, so
     * that two sign-ins racing with one code cannot both win.
     */
    boolean claimStep(UUID staffId, long step) {
        return QuarkusTransaction.requiringNew().call(() -> Staff.update(
                "totpLastStep = ?1 where id = ?2 and (totpLastStep is null or totpLastStep < ?1)", step, staffId)) == 1;
    }

    /** Seals a new TOTP secret for storage with the staff member. */
    byte[] seal(Staff staff, byte[] secret) {
        return Aes256Gcm.seal(sealingKey(), secret, associatedData(staff));
    }

    /** The RFC 6238 code of {@code secret} at time step {@code step}. */
    static String code(byte[] secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%0" + DIGITS + "d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is unavailable", e);
        }
    }

    private SecretBytes sealingKey() {
        return SecretBytes.copyOf(secrets.keyedHash("totp-secrets", "v1".getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] associatedData(Staff staff) {
        return ("tipline-totp-v1|" + staff.id).getBytes(StandardCharsets.UTF_8);
    }
}
