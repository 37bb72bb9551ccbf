package org.tipline.crypto;

import io.smallrye.config.WithDefault;

/** The Argon2id cost settings shared by every configuration group that hashes with it. */
public interface Argon2idCostSettings {

    /** Memory in KiB; OWASP's minimum is 19456 (19 MiB). */
    @WithDefault("19456")
    int memoryKib();

    /** Passes over memory; OWASP's minimum is 2. */
    @WithDefault("2")
    int iterations();

    /** Lanes; 1 is enough on small servers. */
    @WithDefault("1")
    int parallelism();

    default Argon2id.Cost cost() {
        return new Argon2id.Cost(memoryKib(), iterations(), parallelism());
    }
}
