package org.tipline.abuse;

import java.util.regex.Pattern;
import org.tipline.platform.Sha256;

/** The puzzle itself: SHA-256 of {@code token:nonce} must start with {@code difficulty} zero bits. */
public final class ProofCheck {

    /** A nonce is a decimal number of at most 20 digits (any unsigned 64-bit counter fits). */
    private static final Pattern NONCE = Pattern.compile("[0-9]{1,20}");

    private ProofCheck() {
    }

    static boolean isNonce(String nonce) {
        return NONCE.matcher(nonce).matches();
    }

    /** True when {@code nonce} solves {@code token} at {@code difficulty}. */
    public static boolean solves(String token, String nonce, int difficulty) {
        return leadingZeroBits(Sha256.of(token + ":" + nonce)) >= difficulty;
    }

    static int leadingZeroBits(byte[] digest) {
        int bits = 0;
        for (byte b : digest) {
            if (b == 0) {
                bits += 8;
            } else {
                return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
            }
        }
        return bits;
    }

}
