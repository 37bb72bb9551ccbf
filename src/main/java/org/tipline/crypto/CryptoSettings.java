package org.tipline.crypto;

import io.smallrye.config.ConfigMapping;

/**
 * Server secrets besides the KEKs. Required in prod (no defaults); dev and test generate them
 * ({@link DevelopmentKeysConfigSource}).
 */
@ConfigMapping(prefix = "tipline.crypto")
public interface CryptoSettings {

    /** Server pepper: base64 of at least 32 random bytes. Keyed into case-code hashes and derived secrets. */
    String pepper();

    /** Per-deployment salt of case-code hashes: base64 of at least 16 random bytes. */
    String caseCodeSalt();
}
