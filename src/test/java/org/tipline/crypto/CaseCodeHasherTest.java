package org.tipline.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CaseCodeHasherTest {

    private static ServerSecrets secrets() {
        return new ServerSecrets(TestKeys.aesKey(), new byte[16]);
    }

    private static CaseCodeSettings settings(int memoryKib, int maxConcurrent, int maxWaiting, Duration maxWait) {
        return settings(memoryKib, 1, maxConcurrent, maxWaiting, maxWait);
    }

    private static CaseCodeSettings settings(int memoryKib, int iterations, int maxConcurrent, int maxWaiting, Duration maxWait) {
        return new CaseCodeSettings() {
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
            public OptionalInt maxConcurrent() {
                return OptionalInt.of(maxConcurrent);
            }

            @Override
            public int maxWaiting() {
                return maxWaiting;
            }

            @Override
            public Duration maxWait() {
                return maxWait;
            }
        };
    }

    /** Starts a hash on another thread and returns once it holds the only Argon2id instance. */
    private static Future<byte[]> startSlowHash(CaseCodeHasher hasher, ExecutorService pool) throws InterruptedException {
        Future<byte[]> slow = pool.submit(() -> hasher.hash(CaseCode.generate()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (hasher.freeInstances() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(hasher.freeInstances()).as("the slow hash holds the instance").isZero();
        return slow;
    }

    /**
     * K of a fixed code, salt and cost as hash-wasm 4.13.0 computes it (the library the pages use; computed with Node and
     * again in Chromium by {@code pages.CaseCodeKeyBrowserTest}): the browser and BouncyCastle must agree to the bit.
     */
    static final String VECTOR_CODE = "7QK2-M9XD-4HTA-P3WN";
    static final String VECTOR_SALT_HEX = "000102030405060708090a0b0c0d0e0f";
    static final String VECTOR_K_HEX = "af9a4d608c4ed762104330de7e158b77e5be63c4c41e14119a304ed300a28078";

    @Test
    void shouldDeriveTheSameKeyAsHashWasmAtTheProductionCost() {
        ServerSecrets secrets = new ServerSecrets(TestKeys.aesKey(), HexFormat.of().parseHex(VECTOR_SALT_HEX));
        CaseCodeHasher hasher = new CaseCodeHasher(secrets, settings(19 * 1024, 2, 1, 8, Duration.ofSeconds(30)),
                new SimpleMeterRegistry(), true);

        CaseCodeKey key = hasher.key(CaseCode.parse(VECTOR_CODE).orElseThrow());

        assertThat(HexFormat.of().formatHex(key.bytes())).isEqualTo(VECTOR_K_HEX);
        assertThat(hasher.key(CaseCode.parse("7qk2 m9xd 4hta p3wn").orElseThrow())).as("as typed").isEqualTo(key);
    }

    @Test
    void shouldStoreScheme2AsAPepperedHmacOfTheKeyThatTheKeyAloneReproduces() {
        CaseCodeHasher hasher = new CaseCodeHasher(secrets(), settings(256, 2, 8, Duration.ofSeconds(5)), new SimpleMeterRegistry(), false);
        CaseCode code = CaseCode.generate();

        byte[] hash = hasher.hash(code);
        CaseCodeKey fromBrowser = CaseCodeKey.fromBase64Url(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hasher.key(code).bytes())).orElseThrow();

        assertThat(hash).hasSize(33).startsWith((byte) 2);
        assertThat(hasher.lookup(fromBrowser)).isEqualTo(hash);
        assertThat(hasher.hash(CaseCode.parse(code.display().toLowerCase()).orElseThrow())).isEqualTo(hash);
        assertThat(hasher.hash(CaseCode.generate())).isNotEqualTo(hash);
        assertThat(hash).isNotEqualTo(hasher.legacyLookup(code));
        assertThat(Arrays.compareUnsigned(hasher.legacyLookup(code), CaseCodeHasher.firstOfCurrentScheme()))
                .as("scheme 1 sorts below scheme 2").isNegative();
    }

    @Test
    void shouldRefuseAKeyThatIsNotExactly32Bytes() {
        assertThat(CaseCodeKey.fromBase64Url(Base64.getUrlEncoder().encodeToString(new byte[31]))).isEmpty();
        assertThat(CaseCodeKey.fromBase64Url("not base64!")).isEmpty();
        assertThat(CaseCodeKey.fromBase64Url(null)).isEmpty();
    }

    @Test
    void shouldDependOnThePepper() {
        CaseCode code = CaseCode.generate();
        CaseCodeSettings cost = settings(256, 1, 8, Duration.ofSeconds(5));

        assertThat(new CaseCodeHasher(secrets(), cost, new SimpleMeterRegistry(), false).hash(code)).isNotEqualTo(new CaseCodeHasher(secrets(), cost, new SimpleMeterRegistry(), false).hash(code));
        assertThat(new CaseCodeHasher(secrets(), cost, new SimpleMeterRegistry(), false).legacyLookup(code))
                .isNotEqualTo(new CaseCodeHasher(secrets(), cost, new SimpleMeterRegistry(), false).legacyLookup(code));
    }

    @Test
    void shouldRefuseAWeakCostWhenBuiltForProduction() {
        assertThatThrownBy(() -> new CaseCodeHasher(secrets(), settings(256, 1, 8, Duration.ofSeconds(5)), new SimpleMeterRegistry(), true))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void shouldRefuseLessThanOwaspsMinimumInProduction() {
        assertThatThrownBy(() -> CaseCodeHasher.requireProductionCost(new Argon2id.Cost(19 * 1024 - 1, 2, 1)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("OWASP");
        assertThatThrownBy(() -> CaseCodeHasher.requireProductionCost(new Argon2id.Cost(19 * 1024, 1, 1)))
                .isInstanceOf(ConfigurationException.class);
        assertThatCode(() -> CaseCodeHasher.requireProductionCost(new Argon2id.Cost(19 * 1024, 2, 1)))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldTurnAwayRequestsBeyondTheQueueAtOnce() throws Exception {
        // One hash at a time, nobody may wait: while a slow hash runs, the next request is refused.
        CaseCodeHasher hasher = new CaseCodeHasher(secrets(), settings(128 * 1024, 1, 0, Duration.ofSeconds(5)), new SimpleMeterRegistry(), false);
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            Future<byte[]> slow = startSlowHash(hasher, pool);
            assertThatThrownBy(() -> hasher.hash(CaseCode.generate())).isInstanceOf(HashingBusyException.class);
            assertThat(slow.get(30, TimeUnit.SECONDS)).hasSize(33);
            assertThat(hasher.hash(CaseCode.generate())).hasSize(33);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldGiveUpAfterTheMaximumWait() throws Exception {
        CaseCodeHasher hasher = new CaseCodeHasher(secrets(), settings(128 * 1024, 1, 4, Duration.ofMillis(1)), new SimpleMeterRegistry(), false);
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            Future<byte[]> slow = startSlowHash(hasher, pool);
            assertThatThrownBy(() -> hasher.hash(CaseCode.generate())).isInstanceOf(HashingBusyException.class)
                    .hasFieldOrPropertyWithValue("status", 503);
            slow.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }
}
