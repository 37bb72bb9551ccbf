package org.tipline.crypto;

import io.smallrye.config.ConfigMapping;
import java.time.Instant;
import java.util.Optional;

/**
 * The intake key that browsers encrypt tips to (ECDH P-256). Required in prod; dev and test generate it.
 * To rotate: move the current key to {@code previous} with a {@code valid-until} that outlasts any open
 * form (a day is plenty), and configure a new current key.
 */
@ConfigMapping(prefix = "tipline.intake-key")
public interface IntakeKeySettings {

    /** Key id published with the key and sent back in every envelope. */
    String id();

    /** The EC P-256 private key: base64 of its PKCS#8 encoding. */
    String privateKey();

    /** The key before the last rotation, still accepted for a grace period. */
    Optional<Previous> previous();

    /** A retired intake key and the end of its grace period. */
    interface Previous {
        /** Its key id. */
        String id();

        /** Base64 PKCS#8 EC P-256 private key. */
        String privateKey();

        /** Envelopes to this key are refused from this instant on. */
        Instant validUntil();
    }
}
