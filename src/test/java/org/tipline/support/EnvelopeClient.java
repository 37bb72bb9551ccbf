package org.tipline.support;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a tip the way the browser form will, with the same encodings WebCrypto uses: the intake key
 * imported from SPKI, the ephemeral key exported "raw" (uncompressed point), ECDH deriveBits(256),
 * HKDF-SHA256 and AES-GCM with the tag appended. Written from the envelope's specification with the
 * JDK alone (HKDF by hand from RFC 5869), independently of the service's own code.
 */
public final class EnvelopeClient {

    public static final String ALGORITHM = "ECDH-P256+HKDF-SHA256+A256GCM";
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private EnvelopeClient() {
    }

    /** The envelope's fields, ready to be sent as JSON. */
    public static Map<String, String> seal(String kid, String publicKeySpkiBase64Url, String tipJson) {
        return sealOpenable(kid, publicKeySpkiBase64Url, tipJson).fields();
    }

    /**
     * An envelope and what its sender alone can do afterwards: open the answer sealed to its ephemeral key (HKDF info
     * {@code "tipline-reply-v1|" + kid}), as the page does.
     */
    public record Envelope(Map<String, String> fields, byte[] replyKey, String kid) {

        /** The plaintext of a SealedReply answered to this envelope. */
        public String openReply(Map<String, String> reply) {
            return aesGcmOpen(replyKey, reply.get("iv"), reply.get("ciphertext"),
                    ("tipline-reply-v1|" + kid).getBytes(StandardCharsets.UTF_8));
        }
    }

    public static Envelope sealOpenable(String kid, String publicKeySpkiBase64Url, String tipJson) {
        return sealOpenable(kid, publicKeySpkiBase64Url, tipJson, StandardCharsets.UTF_8);
    }

    private static Envelope sealOpenable(String kid, String publicKeySpkiBase64Url, String tipJson, java.nio.charset.Charset charset) {
        try {
            ECPublicKey intakeKey = (ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getUrlDecoder().decode(publicKeySpkiBase64Url)));
            KeyPair ephemeral = newP256();
            byte[] epk = rawPoint((ECPublicKey) ephemeral.getPublic());
            byte[] shared = ecdh(ephemeral.getPrivate(), intakeKey);

            byte[] context = ("tipline-intake-v1|" + kid).getBytes(StandardCharsets.UTF_8);
            byte[] aesKey = hkdfSha256(shared, epk, context, 32);
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(context);
            byte[] ciphertext = cipher.doFinal(tipJson.getBytes(charset));

            byte[] replyKey = hkdfSha256(shared, epk, ("tipline-reply-v1|" + kid).getBytes(StandardCharsets.UTF_8), 32);
            return new Envelope(Map.of("alg", ALGORITHM, "kid", kid, "epk", B64URL.encodeToString(epk),
                    "iv", B64URL.encodeToString(iv), "ciphertext", B64URL.encodeToString(ciphertext)), replyKey, kid);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An image envelope: the image's sealed bytes as the body, the envelope's other fields as the header value. */
    public record ImageEnvelope(byte[] body, String header) {
    }

    public static ImageEnvelope sealImage(String kid, String publicKeySpkiBase64Url, byte[] image) {
        // Sealed as text would be, with the bytes as the plaintext: ISO-8859-1 maps every byte to one char and back.
        Envelope envelope = sealOpenable(kid, publicKeySpkiBase64Url, new String(image, StandardCharsets.ISO_8859_1),
                StandardCharsets.ISO_8859_1);
        Map<String, String> fields = envelope.fields();
        return new ImageEnvelope(Base64.getUrlDecoder().decode(fields.get("ciphertext")), "alg=" + fields.get("alg")
                + ", kid=" + fields.get("kid") + ", epk=" + fields.get("epk") + ", iv=" + fields.get("iv"));
    }

    static KeyPair newP256() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static byte[] ecdh(java.security.PrivateKey own, java.security.PublicKey other) throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(own);
        agreement.doPhase(other, true);
        return agreement.generateSecret();
    }

    static String aesGcmOpen(byte[] key, String iv, String ciphertext, byte[] associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, Base64.getUrlDecoder().decode(iv)));
            cipher.updateAAD(associatedData);
            return new String(cipher.doFinal(Base64.getUrlDecoder().decode(ciphertext)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the sealed answer does not open with this key", e);
        }
    }

    /** WebCrypto exportKey("raw") of a P-256 public key: 0x04 || X (32 bytes) || Y (32 bytes). */
    static byte[] rawPoint(ECPublicKey key) {
        byte[] raw = new byte[65];
        raw[0] = 0x04;
        copyFixed(key.getW().getAffineX(), raw, 1);
        copyFixed(key.getW().getAffineY(), raw, 33);
        return raw;
    }

    private static void copyFixed(BigInteger value, byte[] target, int offset) {
        byte[] bytes = value.toByteArray();
        int start = Math.max(0, bytes.length - 32);
        int length = bytes.length - start;
        System.arraycopy(bytes, start, target, offset + 32 - length, length);
    }

    /** RFC 5869 with HMAC-SHA256. */
    static byte[] hkdfSha256(byte[] ikm, byte[] salt, byte[] info, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] prk = mac.doFinal(ikm);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        byte[] okm = new byte[length];
        byte[] block = new byte[0];
        int filled = 0;
        for (int counter = 1; filled < length; counter++) {
            mac.update(block);
            mac.update(info);
            mac.update((byte) counter);
            block = mac.doFinal();
            int take = Math.min(block.length, length - filled);
            System.arraycopy(block, 0, okm, filled, take);
            filled += take;
        }
        return okm;
    }
}
