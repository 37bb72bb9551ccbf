package org.tipline.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * A reporter's case code (DESIGN 6): 80 random bits in Crockford base32, shown {@code XXXX-XXXX-XXXX-XXXX}.
 * Never printed: {@code toString()} is redacted; only {@link #display()} reveals it, for the one answer
 * that hands it to the reporter.
 */
public final class CaseCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int BITS = 80;
    private static final int LENGTH = BITS / 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The 16 canonical characters, without hyphens. */
    private final String canonical;

    private CaseCode(String canonical) {
        this.canonical = canonical;
    }

    public static CaseCode generate() {
        byte[] random = new byte[BITS / 8];
        RANDOM.nextBytes(random);
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(fiveBitsAt(random, i * 5)));
        }
        return new CaseCode(code.toString());
    }

    /**
     * Reads what a reporter typed: case, hyphens and spaces do not matter, and the letters people confuse
     * with digits (O, I, L) count as those digits. Empty when it cannot be a case code.
     */
    public static Optional<CaseCode> parse(String input) {
        if (input == null || input.length() > 64) {
            return Optional.empty();
        }
        StringBuilder canonical = new StringBuilder(LENGTH);
        for (char c : input.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            char normalized = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (normalized == '-' || Character.isWhitespace(normalized)) {
                continue;
            }
            if (ALPHABET.indexOf(normalized) < 0) {
                return Optional.empty();
            }
            canonical.append(normalized);
        }
        return canonical.length() == LENGTH ? Optional.of(new CaseCode(canonical.toString())) : Optional.empty();
    }

    /** The form shown to the reporter, {@code XXXX-XXXX-XXXX-XXXX}. */
    public String display() {
        return String.join("-", canonical.substring(0, 4), canonical.substring(4, 8), canonical.substring(8, 12),
                canonical.substring(12));
    }

    byte[] canonicalBytes() {
        return canonical.getBytes(StandardCharsets.US_ASCII);
    }

    private static int fiveBitsAt(byte[] bytes, int bitOffset) {
        int value = 0;
        for (int bit = bitOffset; bit < bitOffset + 5; bit++) {
            value = (value << 1) | ((bytes[bit / 8] >> (7 - bit % 8)) & 1);
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CaseCode code && java.security.MessageDigest.isEqual(
                canonicalBytes(), code.canonicalBytes());
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    @Override
    public String toString() {
        return "CaseCode[REDACTED]";
    }
}
