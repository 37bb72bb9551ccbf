package org.tipline.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalInt;

/** Cost of case-code hashing (prod refuses less than OWASP's minimum) and the gate that bounds how many run at once. */
@ConfigMapping(prefix = "tipline.case-codes")
public interface CaseCodeSettings extends Argon2idCostSettings {

    /** Hashes computed at once; default: one per processor. More only adds contention. */
    OptionalInt maxConcurrent();

    /** Requests allowed to wait for the gate; beyond that intake answers 429 at once. */
    @WithDefault("64")
    int maxWaiting();

    /** How long a request may wait for the gate before a 429. */
    @WithDefault("10s")
    Duration maxWait();
}
