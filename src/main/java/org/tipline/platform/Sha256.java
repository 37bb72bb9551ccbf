package org.tipline.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of text, for what is remembered or compared by its digest only (tokens, proofs). */
public final class Sha256 {

    private Sha256() {
    }

    /** The digest of {@code text}'s UTF-8 bytes (for ASCII text, its ASCII bytes). */
    public static byte[] of(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
