package org.tipline.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private static PasswordSettings cost(int memoryKib, int iterations) {
        return new PasswordSettings() {
            @Override
            public int memoryKib() {
                return memoryKib;
            }

            @Override
            public int iterations() {
                return iterations;
            }

            @Override
            public int parallelism() {
                return 1;
            }

            @Override
            public java.util.OptionalInt maxConcurrent() {
                return java.util.OptionalInt.of(2);
            }

            @Override
            public int maxWaiting() {
                return 4;
            }

            @Override
            public java.time.Duration maxWait() {
                return java.time.Duration.ofSeconds(10);
            }
        };
    }

    private final PasswordHasher hasher = new PasswordHasher(cost(1024, 1));

    @Test
    void shouldMatchTheRightPasswordOnly() {
        String stored = hasher.hash("correct horse".toCharArray());

        assertThat(stored).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(hasher.matches("correct horse".toCharArray(), stored)).isTrue();
        assertThat(hasher.matches("correct horsE".toCharArray(), stored)).isFalse();
    }

    @Test
    void shouldSaltEveryHash() {
        assertThat(hasher.hash("same".toCharArray())).isNotEqualTo(hasher.hash("same".toCharArray()));
    }

    @Test
    void shouldVerifyHashesMadeWithAnotherCost() {
        String stored = new PasswordHasher(cost(2048, 2)).hash("older cost".toCharArray());

        assertThat(hasher.matches("older cost".toCharArray(), stored)).isTrue();
    }

    @Test
    void shouldRejectMalformedStoredValues() {
        assertThat(hasher.matches("x".toCharArray(), null)).isFalse();
        assertThat(hasher.matches("x".toCharArray(), "plain-text")).isFalse();
        assertThat(hasher.matches("x".toCharArray(), "$argon2i$v=19$m=1024,t=1,p=1$AAAA$AAAA")).isFalse();
    }
}
