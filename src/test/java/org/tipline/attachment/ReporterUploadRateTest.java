package org.tipline.attachment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The hourly allowance of reporter uploads per client address, in memory through platform.limits. */
class ReporterUploadRateTest {

    private Instant now = Instant.parse("2026-11-30T10:00:00Z");
    private final Clock clock = new Clock() {
        public Instant instant() { return now; }
        public ZoneId getZone() { return ZoneOffset.UTC; }
        public Clock withZone(ZoneId zone) { return this; }
    };
    private final ReporterUploadRate rate = new ReporterUploadRate(clock, ImageScrubberTest.settings(1, 1, 3));

    @Test
    void shouldRefuseTheUploadBeyondTheHourlyAllowanceUntilAnHourHasPassed() {
        for (int i = 0; i < 3; i++) {
            rate.count("203.0.113.7");
        }

        assertThatThrownBy(() -> rate.count("203.0.113.7")).isInstanceOf(ReporterUploadRate.TooManyUploadsException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(
                        ((ReporterUploadRate.TooManyUploadsException) e).retryAfterSeconds()).hasValue(600));
        assertThatCode(() -> rate.count("198.51.100.9")).as("another address has its own").doesNotThrowAnyException();

        now = now.plus(Duration.ofMinutes(61));
        assertThatCode(() -> rate.count("203.0.113.7")).doesNotThrowAnyException();
    }
}
