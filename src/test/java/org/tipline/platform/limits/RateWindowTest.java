package org.tipline.platform.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateWindowTest {

    private static final Instant START = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void shouldCountEveryEventInsideTheWindowAndForgetThoseThatLeftIt() {
        RateWindow window = new RateWindow(Duration.ofMinutes(1), 10);

        assertThat(window.add(START)).isEqualTo(1);
        assertThat(window.add(START.plusSeconds(30))).isEqualTo(2);
        assertThat(window.add(START.plus(Duration.ofMinutes(9)))).isEqualTo(3);
        // The first minute's two events leave the window when its eleventh minute begins; the third stays.
        assertThat(window.count(START.plus(Duration.ofMinutes(10)))).isEqualTo(1);
        assertThat(window.count(START.plus(Duration.ofMinutes(19)))).isZero();
        assertThat(window.isEmpty(START.plus(Duration.ofMinutes(19)))).isTrue();
    }

    @Test
    void shouldStartAfreshWhenASlotIsReusedLongAfter() {
        RateWindow window = new RateWindow(Duration.ofMinutes(1), 10);
        for (int i = 0; i < 50; i++) {
            window.add(START);
        }

        // Minute 100 falls into the same slot as minute 0; its old count must not come back.
        assertThat(window.add(START.plus(Duration.ofMinutes(100)))).isEqualTo(1);
    }
}
