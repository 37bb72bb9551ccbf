package org.tipline.crypto;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Where an encrypted record lives: its tip, its kind and its own id. Used as the AES-GCM associated
 * data, so a ciphertext copied to another row, tip or kind fails to decrypt.
 */
public record RecordRef(UUID tipId, RecordKind kind, String recordId) {

    public static RecordRef tipBody(UUID tipId) {
        return new RecordRef(tipId, RecordKind.TIP_BODY, tipId.toString());
    }

    byte[] associatedData() {
        return ("tipline-record-v1|" + tipId + "|" + kind + "|" + recordId).getBytes(StandardCharsets.UTF_8);
    }
}
