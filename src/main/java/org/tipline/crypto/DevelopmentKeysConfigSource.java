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
import java.time.LocalDate;
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
        return ProductionKeys.generate(label + "-" + LocalDate.now(), label + "-intake-" + LocalDate.now()).properties();
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
}
