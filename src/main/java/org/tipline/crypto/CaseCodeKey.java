package org.tipline.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * K, the key of a case code (DESIGN 6): Argon2id of the canonical code under the deployment's public salt, 32 bytes.
 * The tip form and the follow-up page compute it in the browser and send it instead of the code, so the code never
 * crosses the network; API clients send the code and the service computes the same K. Stored only as
 * {@link CaseCodeHasher#lookup HMAC(pepper, K)}. Never printed.
 */
public final class CaseCodeKey {

    public static final int BYTES = 32;

    private final byte[] key;

    CaseCodeKey(byte[] key) {
        this.key = key.clone();
    }

    /** K as the browser sends it, base64url without padding; empty unless it is exactly 32 bytes. */
    public static Optional<CaseCodeKey> fromBase64Url(String encoded) {
        if (encoded == null || encoded.length() > 64) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(encoded);
            return bytes.length == BYTES ? Optional.of(new CaseCodeKey(bytes)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    byte[] bytes() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CaseCodeKey that && MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "CaseCodeKey[REDACTED]";
    }
}
