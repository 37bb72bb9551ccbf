package org.tipline.crypto;

import io.smallrye.config.ConfigMapping;
import java.util.List;

/**
 * Key-encryption keys. Required in prod (no defaults); dev and test generate them
 * ({@link DevelopmentKeysConfigSource}).
 */
@ConfigMapping(prefix = "tipline.crypto.kek")
public interface KekSettings {

    /** Id of the KEK that wraps the data keys of new tips, e.g. {@code 2026-11}. */
    String active();

    /** Every KEK still needed, each as {@code id:base64} of 32 random bytes, comma-separated. */
    List<String> keys();
}
