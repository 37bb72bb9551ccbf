package org.tipline.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.KeyAgreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The browser-to-service envelope (DESIGN 6), version 1, built from what WebCrypto offers:
 * <ol>
 * <li>the browser makes an ephemeral ECDH P-256 key pair and derives the 32-byte shared secret with the
 * published intake key ({@code deriveBits}, 256 bits);</li>
 * <li>AES key = HKDF-SHA256(ikm = shared secret, salt = the ephemeral public key in raw uncompressed form
 * (65 bytes), info = {@code "tipline-intake-v1|" + kid}), 256 bits;</li>
 * <li>ciphertext = AES-256-GCM(key, iv = 12 random bytes, additional data = {@code "tipline-intake-v1|" +
 * kid}, plaintext = the tip's JSON in UTF-8), with the 16-byte tag appended (as WebCrypto returns it).</li>
 * </ol>
 * Binary fields travel as base64url without padding.
 */
public final class IntakeEnvelope {

    public static final String ALGORITHM = "ECDH-P256+HKDF-SHA256+A256GCM";
    private static final String CONTEXT = "tipline-intake-v1|";
    private static final int RAW_POINT_BYTES = 65;

    private IntakeEnvelope() {
    }

    /** Decrypts an envelope addressed to {@code key}. Throws {@link EnvelopeException} saying what is wrong. */
    public static byte[] open(IntakeKeyring.IntakeKey key, String ephemeralPublicKey, String iv, String ciphertext) {
        byte[] epk = decode("epk", ephemeralPublicKey);
        byte[] nonce = decode("iv", iv);
        byte[] sealed = decode("ciphertext", ciphertext);
        if (nonce.length != Aes256Gcm.NONCE_BYTES) {
            throw EnvelopeException.malformed("iv", "must be 12 bytes");
        }
        if (sealed.length < 16) {
            throw EnvelopeException.malformed("ciphertext", "is too short to hold a GCM tag");
        }
        byte[] shared = sharedSecret(key, epk);
        byte[] context = (CONTEXT + key.kid()).getBytes(StandardCharsets.UTF_8);
        byte[] aesKey = hkdf(shared, epk, context);
        try {
            return Aes256Gcm.openRaw(aesKey, nonce, sealed, context);
        } catch (DecryptionFailedException e) {
            throw EnvelopeException.undecryptable();
        } finally {
            Arrays.fill(shared, (byte) 0);
            Arrays.fill(aesKey, (byte) 0);
        }
    }

    static byte[] hkdf(byte[] sharedSecret, byte[] salt, byte[] info) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(sharedSecret, salt, info));
        byte[] key = new byte[Aes256Gcm.KEY_BYTES];
        hkdf.generateBytes(key, 0, key.length);
        return key;
    }

    private static byte[] sharedSecret(IntakeKeyring.IntakeKey key, byte[] rawPoint) {
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(key.privateKey());
            agreement.doPhase(ephemeralKey(key, rawPoint), true);
            return agreement.generateSecret();
        } catch (GeneralSecurityException e) {
            throw EnvelopeException.malformed("epk", "is not a usable P-256 public key");
        }
    }

    /** Parses and validates the point: an off-curve point would leak bits of the private key. */
    private static ECPublicKey ephemeralKey(IntakeKeyring.IntakeKey key, byte[] rawPoint) throws GeneralSecurityException {
        if (rawPoint.length != RAW_POINT_BYTES || rawPoint[0] != 0x04) {
            throw EnvelopeException.malformed("epk", "must be an uncompressed P-256 point (65 bytes)");
        }
        org.bouncycastle.math.ec.ECPoint point;
        try {
            point = IntakeKeyring.P256.getCurve().decodePoint(rawPoint).normalize();
        } catch (IllegalArgumentException e) {
            throw EnvelopeException.malformed("epk", "is not a point on P-256");
        }
        if (point.isInfinity() || !point.isValid()) {
            throw EnvelopeException.malformed("epk", "is not a point on P-256");
        }
        ECPoint javaPoint = new ECPoint(point.getAffineXCoord().toBigInteger(), point.getAffineYCoord().toBigInteger());
        return (ECPublicKey) KeyFactory.getInstance("EC")
                .generatePublic(new ECPublicKeySpec(javaPoint, key.publicKey().getParams()));
    }

    private static byte[] decode(String field, String base64url) {
        if (base64url == null || base64url.isEmpty()) {
            throw EnvelopeException.malformed(field, "is missing");
        }
        try {
            return Base64.getUrlDecoder().decode(base64url);
        } catch (IllegalArgumentException e) {
            throw EnvelopeException.malformed(field, "must be base64url");
        }
    }
}
