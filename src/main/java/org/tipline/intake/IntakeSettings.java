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

    /** Tips one client (a daily-salted key of its address, in memory only) may send per hour. */
    @WithDefault("10")
    int perClientPerHour();

    /** Tips from everyone together per minute; beyond it, clients are asked to retry in the next minute. */
    @WithDefault("600")
    int globalPerMinute();
}
