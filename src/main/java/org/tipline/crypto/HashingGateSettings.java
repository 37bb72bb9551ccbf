package org.tipline.crypto;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalInt;

/** How many Argon2id hashes of one kind run at once, and how many requests may wait for one (see {@link BoundedPool}). */
public interface HashingGateSettings {

    /** Hashes computed at once; default: one per processor. More only adds contention. */
    OptionalInt maxConcurrent();

    /** Requests allowed to wait for the gate; beyond that the answer is 429 at once. */
    @WithDefault("64")
    int maxWaiting();

    /** How long a request may wait for the gate before a 429. */
    @WithDefault("10s")
    Duration maxWait();

    /** The number of hashes at once. */
    default int concurrent() {
        return maxConcurrent().orElse(Runtime.getRuntime().availableProcessors());
    }
}
