package org.tipline.platform;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import java.util.List;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Stops a production start without a database URL at once, with one line that names the setting.
 *
 * <p>Without it Quarkus starts, deactivates the datasource and fails later in Hibernate with pages of
 * stack trace. A {@link ConfigurationException} thrown while the configuration is built is printed by
 * Quarkus as its message alone. The check is skipped while the application is being built (the build
 * also reads configuration, and needs no database): only then are Quarkus' deployment classes present.
 */
public class ProductionDatabaseUrlCheck implements ConfigSourceFactory {

    static final String MESSAGE = "Tipline cannot start: set quarkus.datasource.jdbc.url "
            + "(environment QUARKUS_DATASOURCE_JDBC_URL) to the PostgreSQL server, e.g. jdbc:postgresql://db:5432/tipline";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (context.getProfiles().contains("prod") && !EmbeddedPostgresConfigSourceFactory.urlConfigured(context)
                && !isBuildTime()) {
            throw new ConfigurationException(MESSAGE);
        }
        return List.of();
    }

    private static boolean isBuildTime() {
        try {
            Class.forName("io.quarkus.deployment.QuarkusAugmentor", false,
                    ProductionDatabaseUrlCheck.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
