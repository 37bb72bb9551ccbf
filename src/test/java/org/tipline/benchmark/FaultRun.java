package org.tipline.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.tipline.support.PackagedApp;

/**
 * Faults anyone can run: two replicas of the packaged application on one PostgreSQL (restartable, its data kept) and
 * a local SMTP sink that counts mails by Message-ID. (1) A burst of tips while one replica is killed (SIGKILL);
 * (2) the database stopped and started under a stream of tips; (3) the SMTP server down and up; (4) life-safety tips
 * nobody acknowledges, escalated by two replicas. Prints what was acknowledged (201), lost (a 201 whose tip is not
 * in the database), answered otherwise, mailed twice, and how long recovery took.
 */
public final class FaultRun {

    private static final Path WORK = Path.of("target/faults");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> table = new ArrayList<>();
    private final Path dataDirectory;
    private final int databasePort;
    private final Path settings;
    private final SmtpSink smtp;
    private EmbeddedPostgres database;
    private PackagedApp replicaA;
    private PackagedApp replicaB;
    private Challenges proofs;
    private UUID school;
    private UUID lifeSafetySchool;

    private FaultRun(Path dataDirectory, int databasePort, Path settings, SmtpSink smtp) {
        this.dataDirectory = dataDirectory;
        this.databasePort = databasePort;
        this.settings = settings;
        this.smtp = smtp;
    }

    public static void main(String[] args) throws Exception {
        Files.createDirectories(WORK);
        Path data = Files.createTempDirectory(WORK.toAbsolutePath(), "pgdata");
        SmtpSink smtp = new SmtpSink();
        Properties settings = PackagedApp.requiredSettings("faults");
        settings.setProperty("quarkus.mailer.host", "127.0.0.1");
        settings.setProperty("quarkus.mailer.port", Integer.toString(smtp.port()));
        settings.setProperty("quarkus.mailer.start-tls", "DISABLED");
        settings.setProperty("quarkus.mailer.from", "tipline@faults.local");
        settings.setProperty("tipline.abuse.rest-difficulty", "0");
        settings.setProperty("tipline.abuse.max-difficulty", "0");
        // Short waits, so that the run takes minutes: retries, claims, deadlines and escalation rounds.
        settings.setProperty("tipline.notify.retry-base", "2s");
        settings.setProperty("tipline.notify.retry-max", "10s");
        settings.setProperty("tipline.notify.send-timeout", "5s");
        settings.setProperty("tipline.routing.life-safety-ack-window", "20s");
        settings.setProperty("tipline.routing.escalation-repeat", "20s");
        settings.setProperty("tipline.routing.escalation-check-interval", "2s");
        FaultRun run = new FaultRun(data, freePort(), PackagedApp.write(settings, WORK.resolve("settings.properties")), smtp);
        try {
            run.start();
            run.killDuringBurst();
            run.databaseOutage();
            run.smtpOutage();
            run.escalationWithTwoReplicas();
        } finally {
            run.stop();
        }
        System.out.println();
        System.out.println("Fault run (two replicas, one PostgreSQL, SMTP sink):");
        System.out.printf("%-40s %9s %5s %22s %8s %s%n", "fault", "201", "lost", "other answers", "mailed 2x", "recovery");
        run.table.forEach(System.out::println);
        System.exit(0);
    }

    private void start() throws Exception {
        database = startDatabase();
        replicaA = PackagedApp.start(database, settings, WORK.resolve("replica-a.log"), "-Xmx384m");
        replicaB = PackagedApp.start(database, settings, WORK.resolve("replica-b.log"), "-Xmx384m");
        proofs = Challenges.prefetch(replicaB.baseUri, 2_000);
        school = seedSchool("Fault School", "oncall@faults.local");
        lifeSafetySchool = seedSchool("Escalation School", "oncall-2@faults.local");
    }

    private EmbeddedPostgres startDatabase() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                .setPort(databasePort).setServerConfig("synchronous_commit", "on").start();
    }

    /** (1) 300 tips at 50/s over both replicas; replica A is killed after the 150th is sent. */
    private void killDuringBurst() throws Exception {
        long mailsBefore = smtp.accepted();
        long duplicatesBefore = smtp.duplicates();
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        for (int i = 0; i < 300; i++) {
            PackagedApp target = i % 2 == 0 ? replicaA : replicaB;
            if (i == 150) {
                replicaA.kill();
            }
            pool.submit(() -> post(target, school, "BULLYING", answers, acknowledged));
            TimeUnit.MILLISECONDS.sleep(20);
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        long restart = System.nanoTime();
        replicaA = PackagedApp.start(database, settings, WORK.resolve("replica-a-restarted.log"), "-Xmx384m");
        double restartSeconds = (System.nanoTime() - restart) / 1e9;
        awaitOutboxDrained(Duration.ofMinutes(2));
        row("kill -9 of one replica during a burst", acknowledged.size(), lost(acknowledged), answers,
                smtp.duplicates() - duplicatesBefore, String.format("replica back in %.1f s; %d mails", restartSeconds,
                        smtp.accepted() - mailsBefore));
    }

    /** (2) 10 tips/s to replica B for 25 s; the database is stopped at 5 s and started again at 13 s. */
    private void databaseOutage() throws Exception {
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> acknowledgedAt = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long started = System.nanoTime();
        long backAt = 0;
        for (int i = 0; i < 250; i++) {
            if (i == 50) {
                database.close();
            }
            if (i == 130) {
                database = startDatabase();
                backAt = System.nanoTime();
            }
            pool.submit(() -> {
                if (post(replicaB, school, "DRUGS", answers, acknowledged)) {
                    acknowledgedAt.add(System.nanoTime());
                }
            });
            TimeUnit.MILLISECONDS.sleep(100);
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        long back = backAt;
        double recovery = acknowledgedAt.stream().filter(at -> at > back).mapToLong(at -> at - back).min().orElse(-1) / 1e9;
        row("PostgreSQL stopped for 8 s", acknowledged.size(), lost(acknowledged), answers, 0,
                String.format("first 201 %.1f s after it was back (run %.0f s)", recovery, (System.nanoTime() - started) / 1e9));
    }

    /** (3) The SMTP server is down while 50 tips arrive, and for 10 s more; then every mail must arrive. */
    private void smtpOutage() throws Exception {
        awaitOutboxDrained(Duration.ofMinutes(1));
        long mailsBefore = smtp.accepted();
        long duplicatesBefore = smtp.duplicates();
        smtp.stop();
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 50; i++) {
            post(i % 2 == 0 ? replicaA : replicaB, school, "VANDALISM", answers, acknowledged);
        }
        TimeUnit.SECONDS.sleep(10);
        long expected = count("select count(*) from outbox where status = 'PENDING'");
        smtp.restart();
        long back = System.nanoTime();
        awaitOutboxDrained(Duration.ofMinutes(2));
        row("SMTP server down for ~15 s", acknowledged.size(), lost(acknowledged), answers,
                smtp.duplicates() - duplicatesBefore, String.format("%d of %d waiting mails delivered %.1f s after it was back",
                        smtp.accepted() - mailsBefore, expected, (System.nanoTime() - back) / 1e9));
    }

    /** (4) 10 life-safety tips nobody acknowledges (window 20 s, repeat 20 s): each escalated once per round. */
    private void escalationWithTwoReplicas() throws Exception {
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 10; i++) {
            post(i % 2 == 0 ? replicaA : replicaB, lifeSafetySchool, "WEAPON", answers, acknowledged);
        }
        TimeUnit.SECONDS.sleep(50);
        Map<Long, Long> tipsByRounds = new TreeMap<>();
        try (Connection connection = database.getPostgresDatabase().getConnection(); ResultSet rows = connection
                .createStatement().executeQuery("select (select count(*) from tip_event e where e.tip_id = t.id and "
                        + "e.kind = 'ESCALATED') from tip t where t.school_id = '" + lifeSafetySchool + "'")) {
            while (rows.next()) {
                tipsByRounds.merge(rows.getLong(1), 1L, Long::sum);
            }
        }
        row("escalation, two replicas, 50 s", acknowledged.size(), lost(acknowledged), answers, 0,
                "tips by escalation rounds (2 expected): " + tipsByRounds);
    }

    private boolean post(PackagedApp target, UUID schoolId, String category, Map<String, Integer> answers,
            List<String> acknowledged) {
        String body = "{\"schoolId\":\"" + schoolId + "\",\"category\":\"" + category + "\",\"happeningNow\":false,"
                + "\"description\":\"A tip sent during a fault run, to see that none is lost.\"}";
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(target.baseUri.resolve("/api/v1/tips"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Tipline-Proof", proofs.next()).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 201) {
                acknowledged.add(JSON.readTree(answer.body()).get("reference").asText());
                return true;
            }
            answers.merge(Integer.toString(answer.statusCode()), 1, Integer::sum);
        } catch (Exception e) {
            answers.merge("no answer", 1, Integer::sum);
        }
        return false;
    }

    private long lost(List<String> references) throws Exception {
        long lost = 0;
        try (Connection connection = database.getPostgresDatabase().getConnection();
                PreparedStatement find = connection.prepareStatement("select 1 from tip where reference = ?")) {
            for (String reference : references) {
                find.setString(1, reference);
                try (ResultSet row = find.executeQuery()) {
                    lost += row.next() ? 0 : 1;
                }
            }
        }
        return lost;
    }

    private void awaitOutboxDrained(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count("select count(*) from outbox where status = 'PENDING'") > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection connection = database.getPostgresDatabase().getConnection();
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void row(String fault, int acknowledged, long lost, Map<String, Integer> otherAnswers, long duplicates,
            String recovery) {
        table.add(String.format("%-40s %9d %5d %22s %8d %s", fault, acknowledged, lost,
                otherAnswers.isEmpty() ? "none" : new TreeMap<>(otherAnswers).toString(), duplicates, recovery));
    }

    private UUID seedSchool(String name, String onCall) throws Exception {
        UUID district = UUID.randomUUID();
        UUID agency = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        try (Connection connection = database.getPostgresDatabase().getConnection()) {
            execute(connection, "insert into district (id, name, time_zone) values ('" + district + "', '" + name
                    + " District', 'America/Denver')");
            execute(connection, "insert into agency (id, name, kind, on_call_email, supervisor_email) values ('" + agency
                    + "', '" + name + " Police', 'CITY_POLICE', '" + onCall + "', 'supervisor-" + onCall + "')");
            execute(connection, "insert into school (id, district_id, agency_id, name, level, city) values ('" + id + "', '"
                    + district + "', '" + agency + "', '" + name + "', 'HIGH', 'Faultville')");
        }
        return id;
    }

    private static void execute(Connection connection, String sql) throws Exception {
        connection.createStatement().executeUpdate(sql);
    }

    private void stop() throws Exception {
        for (PackagedApp replica : new PackagedApp[] { replicaA, replicaB }) {
            if (replica != null) {
                replica.close();
            }
        }
        if (database != null) {
            database.close();
        }
        smtp.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
