package org.tipline.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.tipline.platform.Redaction;
import org.tipline.platform.Redaction.Redacted;

/** The current intake key and, during its grace period, the one it replaced. */
public final class IntakeKeyring {

    static final ECNamedCurveParameterSpec P256 = ECNamedCurveTable.getParameterSpec("secp256r1");

    /** One ECDH P-256 intake key pair; {@code validUntil} is null for the current key. */
    public record IntakeKey(String kid, @Redacted ECPrivateKey privateKey, ECPublicKey publicKey, Instant validUntil) {

        /** The public key as SubjectPublicKeyInfo DER, base64url without padding (WebCrypto "spki"). */
        public String publicKeySpki() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(publicKey.getEncoded());
        }

        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    private final IntakeKey current;
    private final Optional<IntakeKey> previous;

    public IntakeKeyring(IntakeKey current, Optional<IntakeKey> previous) {
        this.current = current;
        this.previous = previous;
    }

    public IntakeKey current() {
        return current;
    }

    /** The key an envelope names, if it is the current one or a previous one still in its grace period. */
    public Optional<IntakeKey> accepting(String kid, Instant now) {
        if (current.kid().equals(kid)) {
            return Optional.of(current);
        }
        return previous.filter(key -> key.kid().equals(kid) && now.isBefore(key.validUntil()));
    }

    /** Reads a base64 PKCS#8 P-256 private key and derives its public key. */
    public static IntakeKey fromPkcs8(String kid, String base64Pkcs8, Instant validUntil) {
        try {
            KeyFactory factory = KeyFactory.getInstance("EC");
            ECPrivateKey privateKey = (ECPrivateKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64Pkcs8.trim())));
            ECPublicKey publicKey = P256Keys.toJava(P256.getG().multiply(privateKey.getS()));
            return new IntakeKey(kid, privateKey, publicKey, validUntil);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("Intake key '" + kid + "' is not a base64 PKCS#8 EC P-256 private key");
        }
    }

    /** A new random P-256 private key, base64 PKCS#8: for dev and test key files, and for rotation. */
    public static String generatePkcs8() {
        return Base64.getEncoder().encodeToString(generateP256().getPrivate().getEncoded());
    }

    /** A new random P-256 key pair. */
    public static KeyPair generateP256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is unavailable", e);
        }
    }
}
