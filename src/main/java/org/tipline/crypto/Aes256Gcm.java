package org.tipline.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a fresh random 96-bit nonce per message and a 128-bit tag (JDK provider).
 *
 * <p>Sealed form: {@code version (1 byte, 0x01) || nonce (12) || ciphertext || tag (16)}. The version
 * byte lets the format change later without guessing.
 */
public final class Aes256Gcm {

    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte VERSION = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Aes256Gcm() {
    }

    public static byte[] seal(SecretBytes key, byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] ciphertext = run(Cipher.ENCRYPT_MODE, key, nonce, plaintext, 0, plaintext.length, associatedData);
        return ByteBuffer.allocate(1 + NONCE_BYTES + ciphertext.length).put(VERSION).put(nonce).put(ciphertext).array();
    }

    /** Opens a sealed message, or throws {@link DecryptionFailedException} if anything does not match. */
    public static byte[] open(SecretBytes key, byte[] sealed, byte[] associatedData) {
        if (sealed == null || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new DecryptionFailedException();
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES);
        return run(Cipher.DECRYPT_MODE, key, nonce, sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES,
                associatedData);
    }

    /** Raw GCM with a caller-chosen nonce, for the browser's envelope (WebCrypto sends its own IV). */
    public static byte[] openRaw(byte[] key, byte[] nonce, byte[] ciphertextAndTag, byte[] associatedData) {
        SecretBytes secret = SecretBytes.copyOf(key);
        try {
            return run(Cipher.DECRYPT_MODE, secret, nonce, ciphertextAndTag, 0, ciphertextAndTag.length, associatedData);
        } finally {
            secret.destroy();
        }
    }

    /** Raw GCM sealing with a caller-chosen nonce, for answers a browser opens with WebCrypto (IV sent apart). */
    static byte[] sealRaw(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
        SecretBytes secret = SecretBytes.copyOf(key);
        try {
            return run(Cipher.ENCRYPT_MODE, secret, nonce, plaintext, 0, plaintext.length, associatedData);
        } finally {
            secret.destroy();
        }
    }

    static byte[] randomNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    private static byte[] run(int mode, SecretBytes key, byte[] nonce, byte[] input, int offset, int length,
            byte[] associatedData) {
        byte[] keyBytes = key.reveal();
        try {
            if (keyBytes.length != KEY_BYTES || nonce.length != NONCE_BYTES) {
                throw new DecryptionFailedException();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(keyBytes, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(input, offset, length);
        } catch (GeneralSecurityException e) {
            throw new DecryptionFailedException();
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
    }
}
