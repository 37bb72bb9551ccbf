package org.tipline.crypto;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Hashes case codes for storage and lookup: {@code 0x01 || Argon2id(code, salt = deployment salt,
 * secret = pepper)} (32-byte output). Deterministic, so a code finds its tip through a unique index;
 * memory-hard and peppered, so a stolen database does not give the codes up.
 *
 * <p>Argon2id is deliberately expensive, so it runs behind a bounded gate ({@link BoundedPool}) of
 * {@code maxConcurrent} Argon2id instances, each of which keeps its memory ({@link Argon2id.Reusable}).
 */
@ApplicationScoped
@Startup // so that a production cost below the minimum stops the start, not the first tip
public class CaseCodeHasher {

    private static final byte SCHEME_VERSION = 1;
    private static final int HASH_BYTES = 32;
    static final Argon2id.Cost OWASP_MINIMUM = new Argon2id.Cost(19 * 1024, 2, 1);

    private final BoundedPool<Argon2id.Reusable> gate;
    private final Timer hashTime;
    private final Timer waitTime;

    @Inject
    CaseCodeHasher(ServerSecrets secrets, CaseCodeSettings settings, MeterRegistry metrics) {
        this(secrets, settings, metrics, LaunchMode.current() == LaunchMode.NORMAL);
    }

    CaseCodeHasher(ServerSecrets secrets, CaseCodeSettings settings, MeterRegistry metrics, boolean production) {
        this.hashTime = Timer.builder("tipline.case_codes.hash").description("Argon2id time per case code")
                .register(metrics);
        this.waitTime = Timer.builder("tipline.case_codes.wait").description("Time waiting for a free Argon2id instance")
                .register(metrics);
        Argon2id.Cost cost = settings.cost();
        if (production) {
            requireProductionCost(cost);
        }
        byte[] salt = secrets.caseCodeSalt();
        byte[] pepper = secrets.pepper().reveal();
        List<Argon2id.Reusable> instances = new ArrayList<>();
        for (int i = 0; i < settings.concurrent(); i++) {
            instances.add(new Argon2id.Reusable(salt, pepper, cost));
        }
        java.util.Arrays.fill(pepper, (byte) 0);
        this.gate = new BoundedPool<>(instances, settings.maxWaiting(), settings.maxWait());
        metrics.gauge("tipline.case_codes.free", gate, BoundedPool::free);
    }

    /** Refuses a cost below OWASP's minimum for Argon2id (m = 19 MiB, t = 2, p = 1). */
    static void requireProductionCost(Argon2id.Cost cost) {
        if (cost.memoryKib() < OWASP_MINIMUM.memoryKib() || cost.iterations() < OWASP_MINIMUM.iterations()) {
            throw new ConfigurationException("Tipline cannot start: tipline.case-codes cost m=" + cost.memoryKib()
                    + " KiB, t=" + cost.iterations() + " is below OWASP's minimum for Argon2id (m=19456, t=2, p=1)");
        }
    }

    /** Argon2id instances not in use right now (also the gauge {@code tipline.case_codes.free}). */
    int freeInstances() {
        return gate.free();
    }

    public byte[] hash(CaseCode code) {
        long waitStart = System.nanoTime();
        Argon2id.Reusable argon2 = gate.acquire();
        long hashStart = System.nanoTime();
        waitTime.record(hashStart - waitStart, TimeUnit.NANOSECONDS);
        try {
            byte[] digest = argon2.hash(code.canonicalBytes(), HASH_BYTES);
            hashTime.record(System.nanoTime() - hashStart, TimeUnit.NANOSECONDS);
            return ByteBuffer.allocate(1 + HASH_BYTES).put(SCHEME_VERSION).put(digest).array();
        } finally {
            gate.release(argon2);
        }
    }

}
