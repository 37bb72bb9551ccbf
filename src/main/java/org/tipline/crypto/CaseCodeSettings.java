package org.tipline.crypto;

import io.smallrye.config.ConfigMapping;

/** Cost of case-code hashing (prod refuses less than OWASP's minimum) and the gate that bounds how many run at once. */
@ConfigMapping(prefix = "tipline.case-codes")
public interface CaseCodeSettings extends Argon2idCostSettings, HashingGateSettings {
}
