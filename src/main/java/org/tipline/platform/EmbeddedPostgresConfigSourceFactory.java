package org.tipline.platform;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the datasource of the dev and test profiles from an embedded PostgreSQL when no JDBC URL is
 * configured, so that a fresh clone runs and tests against a real PostgreSQL with nothing installed.
 *
 * <p>A configured {@code quarkus.datasource.jdbc.url} always wins and nothing is started. The prod
 * profile never starts one (the embedded server is not even on its classpath).
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    private static final List<String> PROFILES_WITH_EMBEDDED_DATABASE = List.of("dev", "test");
    /** Below application.properties (250), so that a profile-specific setting there would still win. */
    private static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!usesEmbeddedDatabase(context)) {
            return List.of();
        }
        boolean persistent = context.getProfiles().contains("dev");
        String dataDirectory = ConfigContexts.devDataDirectory(context) + "/postgres";
        EmbeddedPostgresServer.Connection connection = EmbeddedPostgresServer.startOnce(persistent, dataDirectory);
        return List.of(new PropertiesConfigSource(Map.of(
                URL_PROPERTY, connection.jdbcUrl(),
                "quarkus.datasource.username", connection.username(),
                "quarkus.datasource.password", connection.password()),
                "tipline-embedded-postgres", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static boolean usesEmbeddedDatabase(ConfigSourceContext context) {
        return !urlConfigured(context) && context.getProfiles().stream().anyMatch(PROFILES_WITH_EMBEDDED_DATABASE::contains);
    }

    static boolean urlConfigured(ConfigSourceContext context) {
        return ConfigContexts.isSet(context, URL_PROPERTY);
    }
}
