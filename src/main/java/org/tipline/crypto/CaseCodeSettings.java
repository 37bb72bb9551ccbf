package org.tipline.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalInt;

/** Cost of case-code hashing and the gate that bounds how many run at once. */
@ConfigMapping(prefix = "tipline.case-codes")
public interface CaseCodeSettings {

    /** Argon2id memory in KiB; prod refuses less than OWASP's 19456 (19 MiB). */
    @WithDefault("19456")
    int memoryKib();

    /** Argon2id passes; prod refuses less than 2. */
    @WithDefault("2")
    int iterations();

    /** Argon2id lanes. */
    @WithDefault("1")
    int parallelism();

    /** Hashes computed at once; default: one per processor. More only adds contention. */
    OptionalInt maxConcurrent();

    /** Requests allowed to wait for the gate; beyond that intake answers 429 at once. */
    @WithDefault("64")
    int maxWaiting();

    /** How long a request may wait for the gate before a 429. */
    @WithDefault("10s")
    Duration maxWait();

    default Argon2id.Cost cost() {
        return new Argon2id.Cost(memoryKib(), iterations(), parallelism());
    }
}
