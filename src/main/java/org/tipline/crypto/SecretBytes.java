package org.tipline.crypto;

import java.util.Arrays;

/** Key material or other secret bytes that never print themselves: {@code toString()} is redacted. */
public final class SecretBytes {

    private final byte[] bytes;

    private SecretBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Takes a copy, so the caller may wipe its array. */
    public static SecretBytes copyOf(byte[] bytes) {
        return new SecretBytes(bytes.clone());
    }

    /** A copy of the secret; wipe it after use where possible. */
    public byte[] reveal() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** Overwrites the secret, for keys that are done with (a tip's data key after sealing). */
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public String toString() {
        return "SecretBytes[REDACTED]";
    }
}
