package org.tipline.crypto;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106, version 1.3) from BouncyCastle: the memory-hard hash behind staff passwords and
 * case codes. OWASP's minimum is m = 19 MiB, t = 2, p = 1; tests may configure less.
 */
public final class Argon2id {

    /** Cost parameters of one Argon2id computation. */
    public record Cost(int memoryKib, int iterations, int parallelism) {

        public Cost {
            if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
                throw new IllegalArgumentException("Argon2id needs memory >= 8 x parallelism KiB, t >= 1, p >= 1");
            }
        }
    }

    private Argon2id() {
    }

    /**
     * Argon2id of {@code secretInput} with the given salt and optional key ("pepper", may be empty).
     */
    public static byte[] hash(byte[] secretInput, byte[] salt, byte[] pepper, Cost cost, int outputLength) {
        return new Reusable(salt, pepper, cost).hash(secretInput, outputLength);
    }

    /**
     * An Argon2id instance for a fixed salt, pepper and cost that keeps its memory (m KiB) between
     * hashes. BouncyCastle allocates that memory at initialisation and only clears it after each hash,
     * so reusing an instance spares the allocator and the garbage collector {@code m} KiB per hash. Not
     * thread-safe: one thread at a time.
     */
    public static final class Reusable {

        private final Argon2BytesGenerator generator;

        public Reusable(byte[] salt, byte[] pepper, Cost cost) {
            this.generator = generator(salt, pepper, cost);
        }

        public byte[] hash(byte[] secretInput, int outputLength) {
            byte[] output = new byte[outputLength];
            generator.generateBytes(secretInput, output);
            return output;
        }
    }

    private static Argon2BytesGenerator generator(byte[] salt, byte[] pepper, Cost cost) {
        Argon2Parameters.Builder parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKib())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt);
        if (pepper.length > 0) {
            parameters.withSecret(pepper);
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters.build());
        return generator;
    }
}
