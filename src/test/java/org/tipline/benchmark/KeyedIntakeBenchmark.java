package org.tipline.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.tipline.support.EnvelopeClient;

/**
 * Intake when the browser has computed K (issue 19): web tips as envelopes carrying {@code caseCodeKey}, so the
 * service pays one ECDH, one AES-GCM, one HMAC and one transaction per tip, no Argon2id. The load generator seals every
 * envelope and fetches every challenge before anything is timed, as browsers would have done on their own machines;
 * its K are random 32 bytes, which the service cannot tell from Argon2id output. Prints: (1) tips/s with 32
 * concurrent submitters and where the service's time goes, CPU per tip; (2) latency at half that rate, open loop;
 * (3) GET /api/v1/schools p99 meanwhile.
 *
 * <p>Run: {@code ./mvnw -Pbenchmark verify -Dbenchmark.main=org.tipline.benchmark.KeyedIntakeBenchmark}.
 */
public final class KeyedIntakeBenchmark {

    private static final int SUBMITTERS = 32;
    /** Long enough that the JIT compiler has done its work: at 20 s it still took a fifth of the CPU measured. */
    private static final Duration WARM_UP = Duration.ofSeconds(60);
    private static final Duration MEASURE = Duration.ofSeconds(20);
    /** Enough sealed tips for both phases at up to about 500 tips/s. */
    private static final int PREPARED = 40_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(5)).build();
    private final BenchmarkApp app;
    private final Queue<HttpRequest> prepared = new ConcurrentLinkedQueue<>();

    private KeyedIntakeBenchmark(BenchmarkApp app) throws Exception {
        this.app = app;
        JsonNode intakeKey = JSON.readTree(client.send(HttpRequest.newBuilder(app.baseUri.resolve("/api/v1/intake-key")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        Challenges proofs = Challenges.prefetch(app.baseUri, PREPARED);
        SecureRandom random = new SecureRandom();
        IntStream.range(0, PREPARED).parallel().forEach(n -> prepared.add(tipRequest(n, intakeKey, proofs.next(), random)));
    }

    public static void main(String[] args) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        try (BenchmarkApp app = BenchmarkApp.start(Path.of("target/benchmark"))) {
            long preparing = System.nanoTime();
            KeyedIntakeBenchmark benchmark = new KeyedIntakeBenchmark(app);
            System.out.printf("Keyed intake benchmark: %d cores; %d sealed tips prepared in %.0f s; %d s per phase after %d s warm-up%n",
                    cores, PREPARED, (System.nanoTime() - preparing) / 1e9, MEASURE.toSeconds(), WARM_UP.toSeconds());
            Map<String, Double> before = IntakeBenchmark.metrics(benchmark.client, app);
            double appCpuBefore = app.cpuSeconds();
            long harnessBefore = IntakeBenchmark.harnessCpuNanos();
            long wallBefore = System.nanoTime();
            List<Long> schoolLatencies = Collections.synchronizedList(new ArrayList<>());
            DatabaseWaits waits = DatabaseWaits.sample(app.database());
            long[] counts = benchmark.saturated(schoolLatencies);
            waits.stop();
            double wall = (System.nanoTime() - wallBefore) / 1e9;
            double throughput = counts[0] / MEASURE.toSeconds();
            double appCpu = app.cpuSeconds() - appCpuBefore;
            double harnessCores = (IntakeBenchmark.harnessCpuNanos() - harnessBefore) / 1e9 / wall;
            Map<String, Double> after = IntakeBenchmark.metrics(benchmark.client, app);
            double tipsInWindow = after.getOrDefault(countKey(after), 0.0) - before.getOrDefault(countKey(after), 0.0);
            System.out.printf("(1) intake, %d submitters: %7.1f tips/s   [goal >= 1000]  (%d refused)%n", SUBMITTERS, throughput, counts[1]);
            System.out.printf("    service CPU per tip: %.2f ms (%.2f cores of %d while saturated); load generator %.2f cores%n",
                    1000 * appCpu / Math.max(1, tipsInWindow), appCpu / wall, cores, harnessCores);
            System.out.printf("    per tip in the service: %.1f ms request; Argon2id %s%n",
                    IntakeBenchmark.mean(before, after, "http_server_requests_seconds", "uri=\"/api/v1/tips\""),
                    Double.isNaN(IntakeBenchmark.mean(before, after, "tipline_case_codes_hash_seconds", "")) ? "none" : "run!");
            System.out.printf("    PostgreSQL sessions while saturated, by what they were doing (sampled every 50 ms): %s%n", waits.top(6));
            System.out.printf("(3) GET /api/v1/schools while saturated: p99 %.1f ms   [goal < 100]%n",
                    IntakeBenchmark.percentile(schoolLatencies, 0.99));
            double[] latency = IntakeBenchmark.openLoop(benchmark.client, throughput / 2, WARM_UP, MEASURE,
                    i -> benchmark.prepared.poll());
            System.out.printf("(2) at %.0f tips/s offered: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms   [goal p99 < 100]%n",
                    throughput / 2, latency[0], latency[1], latency[2]);
        }
        System.exit(0);
    }

    private static String countKey(Map<String, Double> metrics) {
        return metrics.keySet().stream().filter(k -> k.startsWith("http_server_requests_seconds_count") && k.contains("uri=\"/api/v1/tips\"")
                && k.contains("status=\"201\"")).findFirst().orElse("");
    }

    /** Closed loop with 32 submitters and a school-list probe; answers {stored, refused} in the measuring window. */
    private long[] saturated(List<Long> schoolLatencies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SUBMITTERS + 1);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicLong stored = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        for (int i = 0; i < SUBMITTERS; i++) {
            pool.submit(() -> {
                HttpRequest request;
                while (running.get() && (request = prepared.poll()) != null) {
                    int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (counting.get()) {
                        (status == 201 ? stored : refused).incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.submit(() -> {
            while (running.get()) {
                long start = System.nanoTime();
                client.send(HttpRequest.newBuilder(app.baseUri.resolve("/api/v1/schools")).build(), HttpResponse.BodyHandlers.ofString());
                if (counting.get()) {
                    schoolLatencies.add(System.nanoTime() - start);
                }
                Thread.sleep(50);
            }
            return null;
        });
        IntakeBenchmark.measureWindow(counting, running, pool, WARM_UP, MEASURE);
        return new long[] { stored.get(), refused.get() };
    }

    private HttpRequest tipRequest(int n, JsonNode intakeKey, String proof, SecureRandom random) {
        String school = app.schoolIds.get(Math.floorMod(n, app.schoolIds.size())).toString();
        byte[] key = new byte[32];
        random.nextBytes(key);
        String tip = "{\"schoolId\":\"" + school + "\",\"category\":\"BULLYING\",\"happeningNow\":false,"
                + "\"description\":\"A group of older students keeps cornering a younger one near the buses after the "
                + "last bell and takes his things; it has happened three times this week and he is scared to ride.\","
                + "\"location\":\"bus loop\",\"when\":\"after school\",\"language\":\"en\",\"caseCodeKey\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(key) + "\"}";
        try {
            String envelope = JSON.writeValueAsString(EnvelopeClient.seal(intakeKey.get("kid").asText(),
                    intakeKey.get("publicKey").asText(), tip));
            return HttpRequest.newBuilder(app.baseUri.resolve("/api/v1/tips")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/vnd.tipline.envelope+json").header("Tipline-Proof", proof)
                    .POST(HttpRequest.BodyPublishers.ofString(envelope)).build();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
