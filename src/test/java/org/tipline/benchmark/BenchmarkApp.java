package org.tipline.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.tipline.support.PackagedApp;

/**
 * The packaged application (prod profile, production Argon2id cost) running as its own process
 * against an embedded PostgreSQL, as a benchmark needs it: nothing of the harness shares its JVM.
 */
final class BenchmarkApp implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final PackagedApp app;
    final URI baseUri;
    /** Health and metrics: the management port, never the public one. */
    final URI managementUri;
    final List<UUID> schoolIds = new ArrayList<>();

    private BenchmarkApp(EmbeddedPostgres postgres, PackagedApp app) {
        this.postgres = postgres;
        this.app = app;
        this.baseUri = app.baseUri;
        this.managementUri = app.managementUri;
    }

    /** The application as it would serve a capacity test: proofs of work cost the load generator nothing. */
    static BenchmarkApp start(Path workDirectory) throws Exception {
        Properties free = new Properties();
        // The load generator is one client sending far more tips than any person: the proof of work would slow it
        // down, and what is measured here is the service.
        free.setProperty("tipline.abuse.rest-difficulty", "0");
        free.setProperty("tipline.abuse.max-difficulty", "0");
        return start(workDirectory, free);
    }

    /** The application with the production settings, changed by {@code overrides}. */
    static BenchmarkApp start(Path workDirectory, Properties overrides) throws Exception {
        return start(workDirectory, overrides, "1g");
    }

    /** The same with a heap of {@code maxHeap} (as -Xmx takes it). */
    static BenchmarkApp start(Path workDirectory, Properties overrides, String maxHeap) throws Exception {
        EmbeddedPostgres postgres = PackagedApp.startDatabase();
        BenchmarkApp started = null;
        try {
            Properties settings = settings();
            settings.putAll(overrides);
            Path file = PackagedApp.write(settings, workDirectory.resolve("keys.properties"));
            List<String> jvmOptions = new ArrayList<>(List.of("-Xmx" + maxHeap, "-Dquarkus.log.level=WARN"));
            // For profiling a run, e.g. BENCHMARK_JVM_OPTIONS="-XX:StartFlightRecording=delay=90s,duration=30s,filename=run.jfr"
            String extra = System.getenv("BENCHMARK_JVM_OPTIONS");
            if (extra != null && !extra.isBlank()) {
                jvmOptions.addAll(List.of(extra.trim().split("\\s+")));
            }
            started = new BenchmarkApp(postgres, PackagedApp.start(postgres, file, workDirectory.resolve("app.log"),
                    jvmOptions.toArray(String[]::new)));
            started.seedSchools();
            return started;
        } catch (Exception e) {
            if (started != null) {
                started.close();
            } else {
                postgres.close();
            }
            throw e;
        }
    }

    private static Properties settings() throws GeneralSecurityException {
        Properties settings = PackagedApp.requiredSettings("bench");
        signingKey = privateKey(settings.getProperty("tipline.auth.signing-key"));
        return settings;
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
        return app.cpuSeconds();
    }

    /** The application process's resident memory now ({@code VmRSS}) or at its peak ({@code VmHWM}), in KiB. */
    long memoryKib(String field) throws IOException {
        return app.memoryKib(field);
    }

    @Override
    public void close() throws IOException {
        try {
            app.close();
        } finally {
            postgres.close();
        }
    }
}
