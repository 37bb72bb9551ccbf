package org.tipline.crypto;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hashes case codes for storage and lookup: {@code 0x01 || Argon2id(code, salt = deployment salt,
 * secret = pepper)} (32-byte output). Deterministic, so a code finds its tip through a unique index;
 * memory-hard and peppered, so a stolen database does not give the codes up.
 *
 * <p>Argon2id is deliberately expensive, so it runs behind a bounded gate: a pool of {@code maxConcurrent}
 * Argon2id instances (each keeps its memory, see {@link Argon2id.Reusable}), at most {@code maxWaiting}
 * requests queued for one; the rest get {@link HashingBusyException} at once rather than piling up
 * threads and starving staff endpoints.
 */
@ApplicationScoped
@Startup // so that a production cost below the minimum stops the start, not the first tip
public class CaseCodeHasher {

    private static final byte SCHEME_VERSION = 1;
    private static final int HASH_BYTES = 32;
    static final Argon2id.Cost OWASP_MINIMUM = new Argon2id.Cost(19 * 1024, 2, 1);

    private final BlockingQueue<Argon2id.Reusable> gate;
    private final Timer hashTime;
    private final Timer waitTime;
    private final int maxWaiting;
    private final long maxWaitMillis;
    private final AtomicInteger waiting = new AtomicInteger();

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
        int instances = settings.maxConcurrent().orElse(Runtime.getRuntime().availableProcessors());
        this.gate = new ArrayBlockingQueue<>(instances, true);
        byte[] salt = secrets.caseCodeSalt();
        byte[] pepper = secrets.pepper().reveal();
        for (int i = 0; i < instances; i++) {
            gate.add(new Argon2id.Reusable(salt, pepper, cost));
        }
        java.util.Arrays.fill(pepper, (byte) 0);
        metrics.gauge("tipline.case_codes.free", gate, BlockingQueue::size);
        this.maxWaiting = settings.maxWaiting();
        this.maxWaitMillis = settings.maxWait().toMillis();
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
        return gate.size();
    }

    public byte[] hash(CaseCode code) {
        long waitStart = System.nanoTime();
        Argon2id.Reusable argon2 = acquire();
        long hashStart = System.nanoTime();
        waitTime.record(hashStart - waitStart, TimeUnit.NANOSECONDS);
        try {
            byte[] digest = argon2.hash(code.canonicalBytes(), HASH_BYTES);
            hashTime.record(System.nanoTime() - hashStart, TimeUnit.NANOSECONDS);
            return ByteBuffer.allocate(1 + HASH_BYTES).put(SCHEME_VERSION).put(digest).array();
        } finally {
            gate.add(argon2);
        }
    }

    private Argon2id.Reusable acquire() {
        Argon2id.Reusable free = gate.poll();
        if (free != null) {
            return free;
        }
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            throw new HashingBusyException();
        }
        try {
            Argon2id.Reusable next = gate.poll(maxWaitMillis, TimeUnit.MILLISECONDS);
            if (next == null) {
                throw new HashingBusyException();
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HashingBusyException();
        } finally {
            waiting.decrementAndGet();
        }
    }
}
