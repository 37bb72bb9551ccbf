package org.tipline.crypto;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.tipline.platform.ConfigContexts;

/**
 * Generates the secrets of the dev and test profiles (KEK, intake key, pepper, case-code salt) when
 * none are configured, and keeps them in a file under {@code tipline.dev.data-dir} (gitignored), so the
 * tips of the local database stay readable across restarts. Prod never generates keys: it refuses to
 * start without them.
 */
public class DevelopmentKeysConfigSource implements ConfigSourceFactory {

    private static final int ORDINAL = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        String profile = profiles.contains("dev") ? "dev" : profiles.contains("test") ? "test" : null;
        if (profile == null || ConfigContexts.isSet(context, "tipline.crypto.kek.active")) {
            return List.of();
        }
        Path file = Path.of(ConfigContexts.devDataDirectory(context), "keys-" + profile + ".properties");
        return List.of(new PropertiesConfigSource(loadOrCreate(file, profile), "tipline-" + profile + "-keys", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static synchronized Map<String, String> loadOrCreate(Path file, String profile) {
        try {
            Properties properties = new Properties();
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    properties.load(reader);
                }
            }
            // Keys added by later versions are generated into an older file; existing keys never change.
            Properties generated = generateKeys(profile);
            boolean missing = !properties.keySet().containsAll(generated.keySet());
            generated.forEach(properties::putIfAbsent);
            if (missing) {
                write(file, properties);
            }
            Map<String, String> values = new HashMap<>();
            properties.forEach((key, value) -> values.put((String) key, (String) value));
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the " + profile + " key file " + file, e);
        }
    }

    /**
     * A complete set of fresh random keys (KEK, pepper, salt, intake key, token signing pair), labelled
     * {@code label}: for dev and test key files, and for benchmarks. Never for production.
     */
    public static Properties generateKeys(String label) {
        String kekId = label + "-" + LocalDate.now();
        Properties keys = new Properties();
        keys.setProperty("tipline.crypto.kek.active", kekId);
        keys.setProperty("tipline.crypto.kek.keys", kekId + ":" + randomBase64(32));
        keys.setProperty("tipline.crypto.pepper", randomBase64(32));
        keys.setProperty("tipline.crypto.case-code-salt", randomBase64(16));
        keys.setProperty("tipline.intake-key.id", label + "-intake-" + LocalDate.now());
        keys.setProperty("tipline.intake-key.private-key", IntakeKeyring.generatePkcs8());
        KeyPair signing = IntakeKeyring.generateP256();
        keys.setProperty("tipline.auth.signing-key", pem("PRIVATE KEY", signing.getPrivate().getEncoded()));
        keys.setProperty("tipline.auth.verification-key", pem("PUBLIC KEY", signing.getPublic().getEncoded()));
        return keys;
    }

    private static void write(Path file, Properties keys) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "keys", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer writer = Files.newBufferedWriter(temporary)) {
            keys.store(writer, "Generated keys of a local Tipline (dev/test only). Never use them in production.");
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----";
    }

    private static String randomBase64(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }
}
