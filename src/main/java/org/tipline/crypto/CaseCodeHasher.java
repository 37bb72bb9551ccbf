package org.tipline.crypto;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hashes case codes for storage and lookup: {@code 0x01 || Argon2id(code, salt = deployment salt,
 * secret = pepper)} (32-byte output). Deterministic, so a code finds its tip through a unique index;
 * memory-hard and peppered, so a stolen database does not give the codes up.
 *
 * <p>Argon2id is deliberately expensive, so it runs behind a bounded gate: at most {@code maxConcurrent}
 * at once, at most {@code maxWaiting} queued; the rest get {@link HashingBusyException} at once rather
 * than piling up threads and starving staff endpoints.
 */
@ApplicationScoped
public class CaseCodeHasher {

    private static final byte SCHEME_VERSION = 1;
    private static final int HASH_BYTES = 32;
    static final Argon2id.Cost OWASP_MINIMUM = new Argon2id.Cost(19 * 1024, 2, 1);

    private final ServerSecrets secrets;
    private final Argon2id.Cost cost;
    private final Semaphore gate;
    private final int maxWaiting;
    private final long maxWaitMillis;
    private final AtomicInteger waiting = new AtomicInteger();

    @Inject
    CaseCodeHasher(ServerSecrets secrets, CaseCodeSettings settings) {
        this(secrets, settings, LaunchMode.current() == LaunchMode.NORMAL);
    }

    CaseCodeHasher(ServerSecrets secrets, CaseCodeSettings settings, boolean production) {
        this.secrets = secrets;
        this.cost = settings.cost();
        if (production) {
            requireProductionCost(cost);
        }
        this.gate = new Semaphore(settings.maxConcurrent().orElse(Runtime.getRuntime().availableProcessors()), true);
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

    public byte[] hash(CaseCode code) {
        acquire();
        try {
            byte[] digest = Argon2id.hash(code.canonicalBytes(), secrets.caseCodeSalt(), secrets.pepper().reveal(),
                    cost, HASH_BYTES);
            return ByteBuffer.allocate(1 + HASH_BYTES).put(SCHEME_VERSION).put(digest).array();
        } finally {
            gate.release();
        }
    }

    private void acquire() {
        if (gate.tryAcquire()) {
            return;
        }
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            throw new HashingBusyException();
        }
        try {
            if (!gate.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS)) {
                throw new HashingBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HashingBusyException();
        } finally {
            waiting.decrementAndGet();
        }
    }
}
