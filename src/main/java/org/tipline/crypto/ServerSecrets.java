package org.tipline.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server pepper and the deployment salt, decoded and checked once, plus keyed hashes derived from
 * the pepper for purposes that need a stable, non-reversible fingerprint (idempotency keys).
 */
@ApplicationScoped
public class ServerSecrets {

    private final SecretBytes pepper;
    private final byte[] caseCodeSalt;

    @Inject
    ServerSecrets(CryptoSettings settings) {
        this(decode("tipline.crypto.pepper", settings.pepper(), 32),
                decode("tipline.crypto.case-code-salt", settings.caseCodeSalt(), 16).reveal());
    }

    ServerSecrets(SecretBytes pepper, byte[] caseCodeSalt) {
        this.pepper = pepper;
        this.caseCodeSalt = caseCodeSalt.clone();
    }

    SecretBytes pepper() {
        return pepper;
    }

    byte[] caseCodeSalt() {
        return caseCodeSalt.clone();
    }

    /** HMAC-SHA256 keyed by a sub-key of the pepper that is specific to {@code purpose}. */
    public byte[] keyedHash(String purpose, byte[] input) {
        return hmac(subKey(purpose), input);
    }

    /**
     * An HMAC-SHA256 key, a sub-key of the pepper specific to {@code purpose}, for a signature only this service checks
     * (reporter tokens): a database dump alone does not give it away, and no other purpose shares it.
     */
    public SecretKey macKey(String purpose) {
        return new SecretKeySpec(subKey("mac|" + purpose), "HmacSHA256");
    }

    /**
     * AES-256-GCM under a sub-key of the pepper specific to {@code purpose}, for a short secret that must wait in the
     * database (an invitation link in the outbox): a database dump alone does not give it away.
     */
    public byte[] seal(String purpose, byte[] plaintext) {
        return Aes256Gcm.seal(SecretBytes.copyOf(subKey("seal|" + purpose)), plaintext, purpose.getBytes(StandardCharsets.UTF_8));
    }

    /** Opens what {@link #seal} sealed for the same purpose; {@link DecryptionFailedException} otherwise. */
    public byte[] open(String purpose, byte[] sealed) {
        return Aes256Gcm.open(SecretBytes.copyOf(subKey("seal|" + purpose)), sealed, purpose.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] subKey(String purpose) {
        return hmac(pepper.reveal(), ("tipline-subkey-v1|" + purpose).getBytes(StandardCharsets.UTF_8));
    }

    /** Constant-time comparison, so a mismatch reveals nothing about where it is. */
    public static boolean sameHash(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    private static byte[] hmac(byte[] key, byte[] input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    static SecretBytes decode(String setting, String base64, int minimumBytes) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " must be base64");
        }
        if (bytes.length < minimumBytes) {
            throw new IllegalArgumentException(setting + " must hold at least " + minimumBytes + " random bytes");
        }
        return SecretBytes.copyOf(bytes);
    }
}
