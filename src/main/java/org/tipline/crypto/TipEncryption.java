package org.tipline.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

/**
 * Envelope encryption of tip records (DESIGN 6): each tip has its own random 256-bit data key (DEK),
 * stored only wrapped by a KEK; every record of the tip is AES-256-GCM under the DEK with associated
 * data naming the tip, the record kind and the record id.
 */
@ApplicationScoped
public class TipEncryption {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final KekRing keks;

    TipEncryption(KekRing keks) {
        this.keks = keks;
    }

    /** A fresh data key for a new tip, and its wrapped form to store. */
    public NewDataKey newDataKey(UUID tipId) {
        byte[] raw = new byte[Aes256Gcm.KEY_BYTES];
        RANDOM.nextBytes(raw);
        SecretBytes dataKey = SecretBytes.copyOf(raw);
        Arrays.fill(raw, (byte) 0);
        return new NewDataKey(dataKey, keks.wrap(tipId, dataKey));
    }

    public SecretBytes dataKey(UUID tipId, WrappedDek wrapped) {
        return keks.unwrap(tipId, wrapped);
    }

    public byte[] seal(SecretBytes dataKey, RecordRef record, byte[] plaintext) {
        return Aes256Gcm.seal(dataKey, plaintext, record.associatedData());
    }

    public byte[] open(SecretBytes dataKey, RecordRef record, byte[] sealed) {
        return Aes256Gcm.open(dataKey, sealed, record.associatedData());
    }

    /** A new tip's data key (keep in memory only) and its wrapped form (store it). */
    public record NewDataKey(SecretBytes dataKey, WrappedDek wrapped) {
    }
}
