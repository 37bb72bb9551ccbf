package org.tipline.crypto;

/** A tip's data key sealed under the key-encryption key {@code kekId}. Safe to store; useless without the KEK. */
public record WrappedDek(String kekId, byte[] sealed) {
}
