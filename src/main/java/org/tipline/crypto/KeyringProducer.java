package org.tipline.crypto;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the keyrings from configuration once, failing start-up on a malformed key. */
class KeyringProducer {

    @Produces
    @Singleton
    KekRing kekRing(KekSettings settings) {
        Map<String, SecretBytes> keys = new LinkedHashMap<>();
        for (String entry : settings.keys()) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("tipline.crypto.kek.keys entries must be id:base64");
            }
            String id = entry.substring(0, colon).trim();
            keys.put(id, ServerSecrets.decode("KEK '" + id + "'", entry.substring(colon + 1), Aes256Gcm.KEY_BYTES));
        }
        return new KekRing(settings.active().trim(), keys);
    }

    @Produces
    @Singleton
    IntakeKeyring intakeKeyring(IntakeKeySettings settings) {
        return new IntakeKeyring(IntakeKeyring.fromPkcs8(settings.id(), settings.privateKey(), null),
                settings.previous().map(previous -> IntakeKeyring.fromPkcs8(previous.id(), previous.privateKey(),
                        previous.validUntil())));
    }
}
