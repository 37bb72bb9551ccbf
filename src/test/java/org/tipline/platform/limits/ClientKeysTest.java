package org.tipline.platform.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ClientKeysTest {

    @Test
    void shouldKeyClientsByAKeyedHashThatChangesEveryDay() {
        Instant start = Instant.parse("2026-11-29T10:00:00Z");
        ClientKeys keys = new ClientKeys(Clock.fixed(start, ZoneOffset.UTC));
        ClientKeys.ClientKey today = keys.keyOf("192.0.2.1");
        // Holds for every salt drawn: 128 bits of hex, in which neither the address nor its bytes in hex can stand
        // (a random key merely containing "192" is no leak, and once in ~140 draws it does).
        assertThat(today.value()).matches("[0-9a-f]{32}").doesNotContain("192.0.2.1")
                .doesNotContain(java.util.HexFormat.of().formatHex("192.0.2.1".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertThat(keys.keyOf("192.0.2.1")).isEqualTo(today);
        assertThat(keys.keyOf("192.0.2.2")).isNotEqualTo(today);
        assertThat(new ClientKeys(Clock.fixed(start, ZoneOffset.UTC)).keyOf("192.0.2.1").value())
                .as("another salt").isNotEqualTo(today.value());

        ClientKeys.ClientKey tomorrow = new ClientKeys(Clock.fixed(start.plus(Duration.ofDays(1)), ZoneOffset.UTC))
                .keyOf("192.0.2.1");
        assertThat(tomorrow.day()).isEqualTo(today.day().plusDays(1));
    }

    @Test
    void shouldForgetEveryClientWhenTheDayChanges() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-29T23:59:59Z"));
        ClientTable<Integer> table = new ClientTable<>(clock, 10);
        table.update("192.0.2.1", (key, old) -> 7, old -> true);
        assertThat(table.get("192.0.2.1")).isEqualTo(7);
        clock.now = Instant.parse("2026-11-30T00:00:01Z");
        assertThat(table.get("192.0.2.1")).isNull();
    }

    @Test
    void shouldDropStaleEntriesWhenFull() {
        ClientTable<Integer> table = new ClientTable<>(new MovableClock(Instant.parse("2026-11-29T10:00:00Z")), 2);
        table.update("a", (key, old) -> 1, old -> old == 1);
        table.update("b", (key, old) -> 2, old -> old == 1);
        table.update("c", (key, old) -> 3, old -> old == 1);
        assertThat(table.get("a")).isNull();
        assertThat(table.get("b")).isEqualTo(2);
        assertThat(table.get("c")).isEqualTo(3);
    }

    static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
