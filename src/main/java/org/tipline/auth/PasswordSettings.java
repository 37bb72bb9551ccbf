package org.tipline.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.tipline.crypto.Argon2id;

/** Cost of the Argon2id hash of staff passwords. */
@ConfigMapping(prefix = "tipline.passwords")
public interface PasswordSettings {

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
