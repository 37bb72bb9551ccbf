package org.tipline.crypto;

/**
 * A ciphertext did not open: wrong key, wrong associated data (moved to another row), or altered bytes.
 * Carries no detail on purpose; what failed is not the client's business and must not leak.
 */
public class DecryptionFailedException extends RuntimeException {

    public DecryptionFailedException() {
        super("decryption failed", null, false, false);
    }
}
