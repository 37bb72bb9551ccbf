package org.tipline.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.tipline.crypto.DevelopmentKeysConfigSource;

/**
 * The packaged application (prod profile, production Argon2id cost) running as its own process
 * against an embedded PostgreSQL, as a benchmark needs it: nothing of the harness shares its JVM.
 */
final class BenchmarkApp implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Process process;
    final URI baseUri;
    /** Health and metrics: the management port, never the public one. */
    final URI managementUri;
    final List<UUID> schoolIds = new ArrayList<>();

    private BenchmarkApp(EmbeddedPostgres postgres, Process process, URI baseUri, URI managementUri) {
        this.postgres = postgres;
        this.process = process;
        this.baseUri = baseUri;
        this.managementUri = managementUri;
    }

    static BenchmarkApp start(Path workDirectory) throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build the application first: " + jar + " is missing");
        }
        Files.createDirectories(workDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
        Path keys = writeKeys(workDirectory.resolve("keys.properties"));
        int port = freePort();
        int managementPort = freePort();
        while (managementPort == port) {
            managementPort = freePort();
        }
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx1g",
                "-Dquarkus.config.locations=" + keys.toUri(),
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + managementPort,
                "-Dquarkus.management.host=127.0.0.1",
                "-Dquarkus.log.level=WARN",
                "-jar", jar.toString());
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "postgres"));
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        builder.redirectErrorStream(true).redirectOutput(workDirectory.resolve("app.log").toFile());
        BenchmarkApp app = new BenchmarkApp(postgres, builder.start(), URI.create("http://127.0.0.1:" + port),
                URI.create("http://127.0.0.1:" + managementPort));
        app.awaitReady();
        app.seedSchools();
        return app;
    }

    private static Path writeKeys(Path file) throws Exception {
        Properties keys = DevelopmentKeysConfigSource.generateKeys("bench");
        keys.setProperty("tipline.routing.analyst-desk-email", "desk@bench.local");
        // The load generator is one client sending far more tips than any person: the flood caps would stop it.
        keys.setProperty("tipline.intake.per-client-per-hour", "100000000");
        keys.setProperty("tipline.intake.global-per-minute", "100000000");
        signingKey = privateKey(keys.getProperty("tipline.auth.signing-key"));
        try (var writer = Files.newBufferedWriter(file)) {
            keys.store(writer, "benchmark keys");
        }
        return file;
    }

    private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /** The key the application verifies staff tokens with, so the benchmark can sign one. */
    static PrivateKey signingKey;

    /** The embedded database, for seeding and for running queries bare. */
    javax.sql.DataSource database() {
        return postgres.getPostgresDatabase();
    }

    private void awaitReady() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application stopped; see target/benchmark/app.log");
            }
            try {
                HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(managementUri.resolve("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The application did not become ready in 90 s");
    }

    /** Eight schools in one district, as the demo data has, so the school list is realistic. */
    private void seedSchools() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            UUID district = UUID.randomUUID();
            UUID agency = UUID.randomUUID();
            execute(connection, "insert into district (id, name, time_zone) values (?, 'Bench District', 'America/Denver')", district);
            execute(connection, "insert into agency (id, name, kind, on_call_email, supervisor_email) "
                    + "values (?, 'Bench Police', 'CITY_POLICE', 'oncall@bench.local', 'sup@bench.local')", agency);
            for (int i = 1; i <= 8; i++) {
                UUID school = UUID.randomUUID();
                try (PreparedStatement insert = connection.prepareStatement("insert into school (id, district_id, agency_id, "
                        + "name, level, city) values (?, ?, ?, ?, 'HIGH', 'Benchville')")) {
                    insert.setObject(1, school);
                    insert.setObject(2, district);
                    insert.setObject(3, agency);
                    insert.setString(4, "Bench School " + i);
                    insert.executeUpdate();
                }
                schoolIds.add(school);
            }
        }
    }

    private static void execute(Connection connection, String sql, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            statement.executeUpdate();
        }
    }

    /** CPU seconds the application process has used so far (user + system, from /proc). */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // After "pid (comm) ", utime and stime are fields 12 and 13 (0-based), in clock ticks of 1/100 s.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        postgres.close();
    }
}
