package org.tipline.auth;

import io.smallrye.config.ConfigMapping;
import org.tipline.crypto.Argon2idCostSettings;

/** Cost of the Argon2id hash of staff passwords. */
@ConfigMapping(prefix = "tipline.passwords")
public interface PasswordSettings extends Argon2idCostSettings {
}
