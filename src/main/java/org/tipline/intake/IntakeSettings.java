package org.tipline.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** Settings of anonymous tip intake. */
@ConfigMapping(prefix = "tipline.intake")
public interface IntakeSettings {

    /** Zone of the reference year and of the submission day shown to the reporter. */
    @WithDefault("America/Denver")
    ZoneId timeZone();

    /** How long a retried submission with the same Idempotency-Key gets the first answer back. */
    @WithDefault("24h")
    Duration idempotencyWindow();
}
