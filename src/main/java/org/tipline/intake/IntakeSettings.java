package org.tipline.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of anonymous tip intake. */
@ConfigMapping(prefix = "tipline.intake")
public interface IntakeSettings {

    /** How long a retried submission with the same Idempotency-Key gets the first answer back. */
    @WithDefault("24h")
    Duration idempotencyWindow();

    /** How often first answers older than the window are deleted (they are never answered again). */
    @WithDefault("1h")
    Duration idempotencyCleanupInterval();
}
