package org.tipline.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The two caps' answers: each says which cap it was, so nobody is told they flooded when everyone did. */
class FloodGuardCapsTest {

    private static IntakeSettings caps(int perClientPerHour, int globalPerMinute) {
        return new IntakeSettings() {
            @Override
            public Duration idempotencyWindow() {
                return Duration.ofHours(24);
            }

            @Override
            public int perClientPerHour() {
                return perClientPerHour;
            }

            @Override
            public int globalPerMinute() {
                return globalPerMinute;
            }
        };
    }

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:00:10Z"), ZoneOffset.UTC);

    @Test
    void shouldTellAClientPastItsOwnCapThatItWasThisConnection() {
        FloodGuard guard = new FloodGuard(CLOCK, caps(1, 100));
        guard.admit("198.51.100.1");

        assertThatThrownBy(() -> guard.admit("198.51.100.1")).isInstanceOfSatisfying(TooManyTipsException.class,
                refused -> assertThat(refused.detail()).contains("from this connection").contains("call 911"));
    }

    @Test
    void shouldNotBlameANewClientForTheGlobalCap() {
        FloodGuard guard = new FloodGuard(CLOCK, caps(100, 2));
        guard.admit("198.51.100.1");
        guard.admit("198.51.100.2");

        assertThatThrownBy(() -> guard.admit("198.51.100.3")).isInstanceOfSatisfying(TooManyTipsException.class, refused -> {
            assertThat(refused.detail()).doesNotContain("connection").contains("very many tips").contains("call 911");
            assertThat(refused.retryAfterSeconds().getAsInt()).isBetween(1, 60);
        });
    }
}
