package org.tipline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MinuteCounterTest {

    @Test
    void shouldFillAMinuteAndMakeRoomAtTheNext() {
        MinuteCounter counter = new MinuteCounter();
        Instant at = Instant.parse("2026-11-29T10:00:45Z");
        assertThat(counter.addIfRoom(at, 2)).isZero();
        counter.add(at);
        assertThat(counter.addIfRoom(at, 2)).as("full: seconds to the next minute").isEqualTo(15);
        assertThat(counter.fullFor(at, 3)).as("the refused one was not counted").isZero();
        assertThat(counter.fullFor(Instant.parse("2026-11-29T10:01:00Z"), 2)).isZero();
    }
}
