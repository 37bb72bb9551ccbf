package org.tipline.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import org.tipline.platform.Redaction;
import org.tipline.platform.Redaction.Redacted;

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

    /** Seals a record of an existing tip under that tip's data key (looked up in the current transaction). */
    public byte[] sealForTip(RecordRef record, byte[] plaintext) {
        SecretBytes dataKey = storedDataKey(record);
        try {
            return seal(dataKey, record, plaintext);
        } finally {
            dataKey.destroy();
        }
    }

    /** Opens a record of an existing tip with that tip's data key (looked up in the current transaction). */
    public byte[] openForTip(RecordRef record, byte[] sealed) {
        SecretBytes dataKey = storedDataKey(record);
        try {
            return open(dataKey, record, sealed);
        } finally {
            dataKey.destroy();
        }
    }

    /** Seals a text record of an existing tip (a note, a message) as UTF-8 under the tip's data key. */
    public byte[] sealText(UUID tipId, RecordKind kind, UUID recordId, String text) {
        return sealForTip(new RecordRef(tipId, kind, recordId.toString()), text.getBytes(StandardCharsets.UTF_8));
    }

    /** Opens a text record sealed by {@link #sealText}. */
    public String openText(UUID tipId, RecordKind kind, UUID recordId, byte[] sealed) {
        return new String(openForTip(new RecordRef(tipId, kind, recordId.toString()), sealed), StandardCharsets.UTF_8);
    }

    private SecretBytes storedDataKey(RecordRef record) {
        TipKey key = TipKey.findById(record.tipId());
        if (key == null) {
            throw new DecryptionFailedException(); // shredded
        }
        return dataKey(record.tipId(), key.wrapped());
    }

    /** A new tip's data key (keep in memory only) and its wrapped form (store it). */
    public record NewDataKey(@Redacted SecretBytes dataKey, WrappedDek wrapped) {

        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }
}
