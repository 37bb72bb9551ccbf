package org.tipline.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.tipline.support.QueuedMails;

/**
 * How fast the outbox reaches an SMTP server, against the packaged application and a local SMTP sink in this process
 * ({@link SmtpSink}): (1) mails per second while one replica drains 5,000 queued messages; (2) at a sustained 10 tips a
 * second for a minute, a fifth of them life-safety, the time from posting a life-safety tip to the SMTP server
 * accepting its first mail (p50, p99), beside the same for standard tips.
 */
public final class OutboxBenchmark {

    private static final int QUEUED = Integer.getInteger("outbox.queued", 5_000);
    private static final double TIPS_PER_SECOND = 10;
    private static final Duration LOAD = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        SmtpSink smtp = new SmtpSink();
        int smtpPort = smtp.port();
        Properties mail = new Properties();
        mail.setProperty("quarkus.mailer.host", "127.0.0.1");
        mail.setProperty("quarkus.mailer.port", Integer.toString(smtpPort));
        mail.setProperty("quarkus.mailer.start-tls", "DISABLED");
        mail.setProperty("quarkus.mailer.from", "tipline@bench.local");
        mail.setProperty("tipline.abuse.rest-difficulty", "0");
        mail.setProperty("tipline.abuse.max-difficulty", "0");
        try (BenchmarkApp app = BenchmarkApp.start(Path.of("target/benchmark-outbox"), mail)) {
            System.out.printf("Outbox benchmark: one replica, %d senders (default), SMTP sink in the benchmark's process%n", 8);
            drainRate(app, smtp);
            tipToMail(app);
        } finally {
            smtp.close();
        }
        System.exit(0);
    }

    private static void drainRate(BenchmarkApp app, SmtpSink smtp) throws Exception {
        QueuedMails.queue(app.database(), QUEUED, "bench.local", i -> false);
        long start = System.nanoTime();
        double appCpu = app.cpuSeconds();
        long ownCpu = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime();
        while (sent(app) < QUEUED) {
            if (System.nanoTime() - start > Duration.ofMinutes(5).toNanos()) {
                throw new IllegalStateException("not drained in 5 minutes");
            }
            Thread.sleep(100);
        }
        double seconds = spanOfSentSeconds(app);
        double wall = (System.nanoTime() - start) / 1e9;
        System.out.printf("    CPU while draining: service %.2f cores, SMTP sink and this process %.2f cores%n",
                (app.cpuSeconds() - appCpu) / wall, (java.lang.management.ManagementFactory.getPlatformMXBean(
                        com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime() - ownCpu) / 1e9 / wall);
        System.out.printf("(1) drain of %d queued mails: %.1f s from the first to the last accepted = %.0f mails/s"
                + "   [target >= 200]; the SMTP sink received %d%n", QUEUED, seconds, QUEUED / seconds,
                smtp.accepted());
    }

    private static long sent(BenchmarkApp app) throws Exception {
        try (Connection connection = app.database().getConnection();
                var rows = connection.createStatement().executeQuery("select count(*) from outbox where status = 'SENT'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Each row is marked sent right after the SMTP server accepted it: its sent_at is the acceptance time. */
    private static double spanOfSentSeconds(BenchmarkApp app) throws Exception {
        try (Connection connection = app.database().getConnection(); var rows = connection.createStatement().executeQuery(
                "select extract(epoch from max(sent_at) - min(sent_at)) from outbox where status = 'SENT'")) {
            rows.next();
            return rows.getDouble(1);
        }
    }

    private static void tipToMail(BenchmarkApp app) throws Exception {
        Challenges proofs = Challenges.prefetch(app.baseUri, (int) (TIPS_PER_SECOND * LOAD.toSeconds()) + 100);
        Map<String, Long> postedAt = new ConcurrentHashMap<>();
        Map<String, Boolean> lifeSafety = new ConcurrentHashMap<>();
        HttpClient client = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long interval = (long) (1e9 / TIPS_PER_SECOND);
        long start = System.nanoTime();
        int count = (int) (TIPS_PER_SECOND * LOAD.toSeconds());
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            boolean urgent = i % 5 == 0;
            String school = app.schoolIds.get(i % app.schoolIds.size()).toString();
            String proof = proofs.next();
            pool.submit(() -> {
                try {
                    long posted = System.currentTimeMillis();
                    String body = "{\"schoolId\":\"" + school + "\",\"category\":\"" + (urgent ? "WEAPON" : "BULLYING")
                            + "\",\"happeningNow\":false,\"description\":\"A benchmark tip about something that happened.\"}";
                    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(app.baseUri.resolve("/api/v1/tips"))
                            .header("Content-Type", "application/json").header("Tipline-Proof", proof)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    String reference = JSON.readTree(answer.body()).get("reference").asText();
                    postedAt.put(reference, posted);
                    lifeSafety.put(reference, urgent);
                } catch (Exception e) {
                    failures.add(e);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        long settle = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (pending(app) > 0 && System.nanoTime() < settle) {
            Thread.sleep(100);
        }
        Map<String, Long> firstMailAt = firstMailAt(app);
        List<Double> urgentMillis = new ArrayList<>();
        List<Double> standardMillis = new ArrayList<>();
        postedAt.forEach((reference, posted) -> {
            Long mailed = firstMailAt.get(reference);
            if (mailed != null) {
                (lifeSafety.get(reference) ? urgentMillis : standardMillis).add((double) (mailed - posted));
            }
        });
        System.out.printf("(2) %d tips at %.0f/s for %d s (%d failed): posted to first mail accepted by SMTP%n", count,
                TIPS_PER_SECOND, LOAD.toSeconds(), failures.size());
        System.out.printf("    life-safety (%d): p50 %.0f ms, p99 %.0f ms   [target p99 < 2000]%n", urgentMillis.size(),
                percentile(urgentMillis, 0.5), percentile(urgentMillis, 0.99));
        System.out.printf("    standard    (%d): p50 %.0f ms, p99 %.0f ms%n", standardMillis.size(),
                percentile(standardMillis, 0.5), percentile(standardMillis, 0.99));
    }

    private static long pending(BenchmarkApp app) throws Exception {
        try (Connection connection = app.database().getConnection();
                var rows = connection.createStatement().executeQuery("select count(*) from outbox where status = 'PENDING'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** When the SMTP server accepted each tip's first mail, in epoch milliseconds (the service's clock is this machine's). */
    private static Map<String, Long> firstMailAt(BenchmarkApp app) throws Exception {
        Map<String, Long> first = new java.util.HashMap<>();
        try (Connection connection = app.database().getConnection(); var rows = connection.createStatement().executeQuery(
                "select t.reference, extract(epoch from min(o.sent_at)) * 1000 from outbox o join tip t on t.id = o.tip_id "
                        + "where o.status = 'SENT' group by t.reference")) {
            while (rows.next()) {
                first.put(rows.getString(1), (long) rows.getDouble(2));
            }
        }
        return first;
    }

    private static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
