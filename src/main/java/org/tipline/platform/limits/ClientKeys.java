package org.tipline.platform.limits;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tipline.platform.Redaction;
import org.tipline.platform.Redaction.Redacted;

/**
 * Turns a client's network address into a key that abuse limits can count under, without
 * keeping the address (DESIGN 5): HMAC-SHA-256 under a random salt that lives only in memory and is
 * replaced every UTC day, so a key cannot be turned back into an address, nor linked across days.
 */
public final class ClientKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private LocalDate day;
    private SecretKeySpec salt;

    ClientKeys(Clock clock) {
        this.clock = clock;
    }

    /**
     * A client's key: the day it belongs to and the keyed hash of the address. The hash does not give the address
     * back, but printed next to other log lines it would link a reporter's requests of that day: it stays out.
     */
    public record ClientKey(LocalDate day, @Redacted String value) {

        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    /** The key of this address today. */
    synchronized ClientKey keyOf(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(currentSalt());
            byte[] digest = mac.doFinal(address.getBytes(StandardCharsets.UTF_8));
            return new ClientKey(day, HexFormat.of().formatHex(digest, 0, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private SecretKeySpec currentSalt() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!today.equals(day)) {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            salt = new SecretKeySpec(fresh, "HmacSHA256");
            day = today;
        }
        return salt;
    }
}
