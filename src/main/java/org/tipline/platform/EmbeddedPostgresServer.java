package org.tipline.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.tipline.platform.Redaction.Redacted;

/**
 * Starts the embedded PostgreSQL at most once per JVM.
 *
 * <p>Kept apart from the config source factory so that {@code io.zonky} classes are loaded only when an
 * embedded server is really wanted: they are absent from the packaged application. The JDBC URL is kept in
 * a system property because Quarkus rebuilds its configuration (and class loaders) on every dev-mode
 * reload and on every test boot; the server must outlive those.
 */
final class EmbeddedPostgresServer {

    /** Development and test only, and the password is the well-known default; redacted all the same. */
    record Connection(String jdbcUrl, String username, @Redacted String password) {

        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    private static final String URL_HOLDER = "tipline.embedded-postgres.url";
    private static final String USER = "postgres";

    private EmbeddedPostgresServer() {
    }

    static synchronized Connection startOnce(boolean persistent, String dataDirectory) {
        String url = System.getProperty(URL_HOLDER);
        if (url == null) {
            url = start(persistent, dataDirectory).getJdbcUrl(USER, "postgres");
            System.setProperty(URL_HOLDER, url);
        }
        return new Connection(url, USER, "postgres");
    }

    private static EmbeddedPostgres start(boolean persistent, String dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    // Same durability as production: a 201 for a tip must mean the row is on disk.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "100");
            if (persistent) {
                // Dev keeps its database across restarts, so the demo tips stay readable.
                builder.setDataDirectory(Path.of(dataDirectory).toAbsolutePath())
                        .setCleanDataDirectory(false);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }
}
