package org.tipline.crypto;

import io.smallrye.config.ConfigMapping;

/** Cost of the Argon2id hash of staff passwords, and the gate that bounds how many run at once. */
@ConfigMapping(prefix = "tipline.passwords")
public interface PasswordSettings extends Argon2idCostSettings, HashingGateSettings {
}
