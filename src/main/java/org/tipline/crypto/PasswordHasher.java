package org.tipline.crypto;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Hashes and checks staff passwords with Argon2id, stored as PHC strings
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) so that the cost can rise without a migration.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private final Argon2id.Cost cost;
    /** Permits to hash: a burst of sign-ins (or guesses) waits here, bounded, instead of taking every core. */
    private final BoundedPool<Object> gate;

    /** Argon2id time per password check: its count says a sign-in did the work, whatever the email. */
    private final Timer hashTime;

    @Inject
    PasswordHasher(PasswordSettings settings, MeterRegistry metrics) {
        this(settings, Timer.builder("tipline.passwords.hash").description("Argon2id time per staff password")
                .register(metrics));
    }

    /** Outside the application (tests, commands): the time is kept in a registry of its own. */
    PasswordHasher(PasswordSettings settings) {
        this(settings, Timer.builder("tipline.passwords.hash").register(new SimpleMeterRegistry()));
    }

    private PasswordHasher(PasswordSettings settings, Timer hashTime) {
        this.hashTime = hashTime;
        this.cost = settings.cost();
        this.gate = new BoundedPool<>(Stream.generate(Object::new).limit(settings.concurrent()).toList(), settings.maxWaiting(),
                settings.maxWait());
    }

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = compute(password, salt, cost);
        return "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s".formatted(cost.memoryKib(), cost.iterations(),
                cost.parallelism(), B64.encodeToString(salt), B64.encodeToString(hash));
    }

    /** True when {@code password} matches {@code stored}; false for any malformed stored value. */
    public boolean matches(char[] password, String stored) {
        Matcher phc = stored == null ? null : PHC.matcher(stored);
        if (phc == null || !phc.matches()) {
            return false;
        }
        Argon2id.Cost storedCost = new Argon2id.Cost(Integer.parseInt(phc.group(1)), Integer.parseInt(phc.group(2)),
                Integer.parseInt(phc.group(3)));
        byte[] expected = Base64.getDecoder().decode(phc.group(5));
        return MessageDigest.isEqual(expected, compute(password, Base64.getDecoder().decode(phc.group(4)), storedCost));
    }

    private byte[] compute(char[] password, byte[] salt, Argon2id.Cost cost) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        Object permit = gate.acquire();
        try {
            return hashTime.record(() -> Argon2id.hash(bytes, salt, new byte[0], cost, HASH_BYTES));
        } finally {
            gate.release(permit);
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
