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
 * Turns case codes into the values tips are found by (DESIGN 6). Scheme 2, for every tip stored since browsers derive
 * the key: K = Argon2id(canonical code, salt = the deployment's public case-code salt) ({@link #key}), computed by
 * the browser or here, and the stored lookup value {@code 0x02 || HMAC-SHA-256(pepper sub-key, K)} ({@link #lookup}).
 * Scheme 1, for tips stored before: {@code 0x01 || Argon2id(code, salt, secret = pepper)} ({@link #legacyLookup}),
 * which only the code itself can reproduce. Both are deterministic, so a code finds its tip through the unique index;
 * a stolen database needs the pepper and one Argon2id per guess either way.
 *
 * <p>Argon2id is deliberately expensive, so it runs behind a bounded gate ({@link BoundedPool}) of
 * {@code maxConcurrent} Argon2id instances, each of which keeps its memory ({@link Argon2id.Reusable}).
 */
@ApplicationScoped
@Startup // so that a production cost below the minimum stops the start, not the first tip
public class CaseCodeHasher {

    private static final byte LEGACY_SCHEME = 1;
    private static final byte SCHEME = 2;
    private static final int HASH_BYTES = 32;
    static final Argon2id.Cost OWASP_MINIMUM = new Argon2id.Cost(19 * 1024, 2, 1);

    private final BoundedPool<Argon2id.Reusable> gate;
    private final Timer hashTime;
    private final Timer waitTime;
    private final ServerSecrets secrets;
    private final Argon2id.Cost cost;

    @Inject
    CaseCodeHasher(ServerSecrets secrets, CaseCodeSettings settings, MeterRegistry metrics) {
        this(secrets, settings, metrics, LaunchMode.current() == LaunchMode.NORMAL);
    }

    CaseCodeHasher(ServerSecrets secrets, CaseCodeSettings settings, MeterRegistry metrics, boolean production) {
        this.secrets = secrets;
        this.hashTime = Timer.builder("tipline.case_codes.hash").description("Argon2id time per case code")
                .register(metrics);
        this.waitTime = Timer.builder("tipline.case_codes.wait").description("Time waiting for a free Argon2id instance")
                .register(metrics);
        this.cost = settings.cost();
        if (production) {
            requireProductionCost(cost);
        }
        byte[] salt = secrets.caseCodeSalt();
        List<Argon2id.Reusable> instances = new ArrayList<>();
        for (int i = 0; i < settings.concurrent(); i++) {
            instances.add(new Argon2id.Reusable(salt, new byte[0], cost));
        }
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

    /** What a browser needs to compute K itself: the salt and the cost, all public. */
    public Parameters parameters() {
        return new Parameters(secrets.caseCodeSalt(), cost);
    }

    /** Public inputs of K besides the code. */
    public record Parameters(byte[] salt, Argon2id.Cost cost) {
    }

    /** K of a code, behind the gate (one Argon2id). */
    public CaseCodeKey key(CaseCode code) {
        return new CaseCodeKey(gated(argon2 -> argon2.hash(code.canonicalBytes(), CaseCodeKey.BYTES)));
    }

    /** The stored lookup value of K: one HMAC, no Argon2id (the browser paid that). */
    public byte[] lookup(CaseCodeKey key) {
        return ByteBuffer.allocate(1 + HASH_BYTES).put(SCHEME).put(secrets.keyedHash("case-code-lookup", key.bytes())).array();
    }

    /** The lookup value of a code: {@code lookup(key(code))}. */
    public byte[] hash(CaseCode code) {
        return lookup(key(code));
    }

    /**
     * The value a tip stored before scheme 2 is found by: Argon2id with the pepper as its secret, behind the gate. Its
     * instance is made for the purpose (these are rare, and keeping one would hold its memory for nothing).
     */
    public byte[] legacyLookup(CaseCode code) {
        byte[] pepper = secrets.pepper().reveal();
        try {
            byte[] salt = secrets.caseCodeSalt();
            byte[] digest = gated(unused -> Argon2id.hash(code.canonicalBytes(), salt, pepper, cost, HASH_BYTES));
            return ByteBuffer.allocate(1 + HASH_BYTES).put(LEGACY_SCHEME).put(digest).array();
        } finally {
            java.util.Arrays.fill(pepper, (byte) 0);
        }
    }

    /** The lowest lookup value of scheme 2: every scheme 1 value sorts below it, so one index range finds them. */
    public static byte[] firstOfCurrentScheme() {
        return new byte[] { SCHEME };
    }

    private byte[] gated(java.util.function.Function<Argon2id.Reusable, byte[]> work) {
        long waitStart = System.nanoTime();
        Argon2id.Reusable argon2 = gate.acquire();
        long hashStart = System.nanoTime();
        waitTime.record(hashStart - waitStart, TimeUnit.NANOSECONDS);
        try {
            byte[] result = work.apply(argon2);
            hashTime.record(System.nanoTime() - hashStart, TimeUnit.NANOSECONDS);
            return result;
        } finally {
            gate.release(argon2);
        }
    }
}
