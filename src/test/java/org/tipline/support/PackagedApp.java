package org.tipline.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.tipline.crypto.DevelopmentKeysConfigSource;

/**
 * The packaged application ({@code target/quarkus-app}, prod profile) running as its own process against a
 * PostgreSQL server: for benchmarks, which must not share a JVM with their load generator, and for integration tests
 * that need more than one replica of the service on one database.
 */
public final class PackagedApp implements AutoCloseable {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;
    public final URI baseUri;
    /** Health and metrics: the management port, never the public one. */
    public final URI managementUri;

    private PackagedApp(Process process, Path log, URI baseUri, URI managementUri) {
        this.process = process;
        this.log = log;
        this.baseUri = baseUri;
        this.managementUri = managementUri;
    }

    /** An embedded PostgreSQL that commits as a production server does (by default it does not wait for the disk). */
    public static EmbeddedPostgres startDatabase() throws IOException {
        return EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
    }

    /** What the prod profile refuses to start without: fresh keys labelled {@code label} and the analyst desk. */
    public static Properties requiredSettings(String label) {
        Properties settings = DevelopmentKeysConfigSource.generateKeys(label);
        settings.setProperty("tipline.routing.analyst-desk-email", "desk@" + label + ".local");
        return settings;
    }

    /** Writes settings to a file that {@link #start} hands to the application, as a secret file is in production. */
    public static Path write(Properties settings, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (var writer = Files.newBufferedWriter(file)) {
            settings.store(writer, "settings of a packaged Tipline under test; never for production");
        }
        return file;
    }

    /**
     * Starts the packaged application with the settings file on {@code database} and returns once it is ready, which
     * includes Flyway's migrations. Its output goes to {@code log}.
     */
    public static PackagedApp start(EmbeddedPostgres database, Path settings, Path log, String... jvmOptions)
            throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("Build the application first: " + JAR + " is missing");
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        int port = freePort();
        int managementPort = freePort();
        while (managementPort == port) {
            managementPort = freePort();
        }
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-Dquarkus.config.locations=" + settings.toUri(),
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + managementPort,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.management.host=127.0.0.1",
                "-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", database.getJdbcUrl("postgres", "postgres"));
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        return launch(builder, log, port, managementPort);
    }

    /**
     * Starts the packaged application with exactly {@code environment} as its environment (nothing of this JVM's) and
     * no other configuration, as a container starts it, and returns once it is ready. The environment must put the
     * listeners on {@code port} and {@code managementPort}.
     */
    public static PackagedApp startWithEnvironment(Map<String, String> environment, int port, int managementPort, Path log,
            String... jvmOptions) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("Build the application first: " + JAR + " is missing");
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        return launch(builder, log, port, managementPort);
    }

    /** What a command of the packaged jar printed, apart, and its exit status. */
    public record CommandResult(int status, String out, String err) {
    }

    /**
     * Runs a command of the packaged jar ({@code generate-keys}, {@code bootstrap}, …) with exactly {@code environment}
     * and waits for it to end.
     */
    public static CommandResult run(Map<String, String> environment, Path directory, String... arguments) throws Exception {
        Files.createDirectories(directory);
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(directory, "out", ".txt");
        Path err = Files.createTempFile(directory, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(String.join(" ", arguments) + " did not end in " + START_TIMEOUT.toSeconds() + " s");
        }
        try {
            return new CommandResult(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            // What a command prints may be keys or an invitation link: nothing of it stays on disk.
            Files.delete(out);
            Files.delete(err);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts the process with its output in {@code log} and returns once it is ready; stops it if it never is. */
    private static PackagedApp launch(ProcessBuilder builder, Path log, int port, int managementPort) throws Exception {
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        PackagedApp app = new PackagedApp(builder.start(), log, URI.create("http://127.0.0.1:" + port),
                URI.create("http://127.0.0.1:" + managementPort));
        try {
            app.awaitReady();
        } catch (Exception e) {
            app.close();
            throw e;
        }
        return app;
    }

    private void awaitReady() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application stopped; see " + log);
            }
            try {
                HttpResponse<Void> ready = client.send(
                        HttpRequest.newBuilder(managementUri.resolve("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(
                "The application did not become ready in " + START_TIMEOUT.toSeconds() + " s; see " + log);
    }

    /** CPU seconds the application process has used so far (user + system, from /proc). */
    public double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // After "pid (comm) ", utime and stime are fields 12 and 13 (0-based), in clock ticks of 1/100 s.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A figure of the process's memory from /proc, in KiB: {@code VmRSS} (resident now) or {@code VmHWM} (its peak). */
    public long memoryKib(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
            }
        }
        throw new IOException(field + " not in /proc/" + process.pid() + "/status");
    }

    /** Kills the process at once (SIGKILL), as a crash or an evicted pod would end it: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stops the process, forcibly if it has not ended after a graceful shutdown's time. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
