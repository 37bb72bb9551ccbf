package org.tipline.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * The key-encryption keys (KEKs), by id, and the one that wraps new data keys. Older KEKs stay in the
 * ring until every data key wrapped under them has been re-wrapped ({@link KekRotation}).
 */
public final class KekRing {

    private final String activeId;
    private final Map<String, SecretBytes> keys;

    public KekRing(String activeId, Map<String, SecretBytes> keys) {
        if (!keys.containsKey(activeId)) {
            throw new IllegalArgumentException("The active KEK '" + activeId + "' is not in the keyring");
        }
        keys.forEach((id, key) -> {
            if (key.length() != Aes256Gcm.KEY_BYTES) {
                throw new IllegalArgumentException("KEK '" + id + "' must be 32 bytes (AES-256)");
            }
        });
        this.activeId = activeId;
        this.keys = Map.copyOf(keys);
    }

    public String activeId() {
        return activeId;
    }

    /** This ring plus a new KEK, which becomes the active one: the first step of a rotation. */
    public KekRing plus(String id, SecretBytes key) {
        Map<String, SecretBytes> more = new java.util.HashMap<>(keys);
        more.put(id, key);
        return new KekRing(id, more);
    }

    /** This ring without a KEK that no data key needs any more: the last step of a rotation. */
    public KekRing minus(String id) {
        Map<String, SecretBytes> fewer = new java.util.HashMap<>(keys);
        fewer.remove(id);
        return new KekRing(activeId, fewer);
    }

    /** The same keys with another one active. */
    public KekRing activate(String id) {
        return new KekRing(id, keys);
    }

    /** Seals a tip's data key under the active KEK (AES-256-GCM, bound to the tip and the KEK id). */
    public WrappedDek wrap(UUID tipId, SecretBytes dataKey) {
        byte[] plain = dataKey.reveal();
        try {
            return new WrappedDek(activeId, Aes256Gcm.seal(keys.get(activeId), plain, associatedData(tipId, activeId)));
        } finally {
            java.util.Arrays.fill(plain, (byte) 0);
        }
    }

    /** Opens a wrapped data key; {@link DecryptionFailedException} if its KEK is gone or it was tampered with. */
    public SecretBytes unwrap(UUID tipId, WrappedDek wrapped) {
        SecretBytes kek = keys.get(wrapped.kekId());
        if (kek == null) {
            throw new DecryptionFailedException();
        }
        byte[] plain = Aes256Gcm.open(kek, wrapped.sealed(), associatedData(tipId, wrapped.kekId()));
        try {
            return SecretBytes.copyOf(plain);
        } finally {
            java.util.Arrays.fill(plain, (byte) 0);
        }
    }

    private static byte[] associatedData(UUID tipId, String kekId) {
        return ("tipline-dek-v1|" + tipId + "|" + kekId).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "KekRing[active=" + activeId + ", ids=" + keys.keySet() + ", keys REDACTED]";
    }
}
