package org.tipline.platform.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void shouldWaitNothingForTheFreeFailuresThenDoubleUpToTheLongestWait() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(15), 5);

        assertThat(backoff.after(0)).isZero();
        assertThat(backoff.after(5)).isZero();
        assertThat(backoff.after(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(7)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.after(13)).isEqualTo(Duration.ofSeconds(256));
        assertThat(backoff.after(14)).isEqualTo(Duration.ofSeconds(512));
        assertThat(backoff.after(15)).isEqualTo(Duration.ofMinutes(15));
        assertThat(backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void shouldWaitFromTheFirstFailureWhenNoneIsFree() {
        Backoff backoff = Backoff.from(Duration.ofMillis(250), Duration.ofSeconds(5));

        assertThat(backoff.after(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.after(6)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void shouldRefuseALongestWaitShorterThanTheFirst() {
        assertThatThrownBy(() -> Backoff.from(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
