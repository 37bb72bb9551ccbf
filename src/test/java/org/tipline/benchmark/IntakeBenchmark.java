package org.tipline.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.tipline.crypto.Argon2id;

/**
 * Intake benchmark (issue 3). Prints, in one run:
 * (1) raw Argon2id hashes/s at the production cost on every core;
 * (2) tips/s with 32 concurrent submitters against the running service, and its ratio to (1);
 * (3) p50/p95/p99 latency of tips at an offered (open-loop) load of half of (1);
 * (4) p99 of GET /api/v1/schools while intake is saturated.
 *
 * <p>Run: {@code ./mvnw -Pbenchmark verify} (builds the application, then runs this against it).
 */
public final class IntakeBenchmark {

    private static final Argon2id.Cost PRODUCTION_COST = new Argon2id.Cost(19 * 1024, 2, 1);
    static final Duration WARM_UP = Duration.ofSeconds(15);
    static final Duration MEASURE = Duration.ofSeconds(20);
    private static final int SUBMITTERS = 32;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(5)).build();
    private final BenchmarkApp app;
    private final Challenges proofs;

    private IntakeBenchmark(BenchmarkApp app) throws Exception {
        this.app = app;
        // Fetched before anything is timed, so that the open-loop phase sends tips on schedule.
        this.proofs = Challenges.prefetch(app.baseUri, 12_000);
    }

    public static void main(String[] args) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("Intake benchmark: %d cores, Argon2id m=%d KiB t=%d p=%d, %d s per phase after %d s warm-up%n",
                cores, PRODUCTION_COST.memoryKib(), PRODUCTION_COST.iterations(), PRODUCTION_COST.parallelism(),
                MEASURE.toSeconds(), WARM_UP.toSeconds());
        double raw = rawHashesPerSecond(cores);
        System.out.printf("(1) raw Argon2id:                 %7.1f hashes/s (%d threads)%n", raw, cores);
        try (BenchmarkApp app = BenchmarkApp.start(Path.of("target/benchmark"))) {
            IntakeBenchmark benchmark = new IntakeBenchmark(app);
            double idleSchoolsP99 = benchmark.schoolsP99(Duration.ofSeconds(5));
            Map<String, Double> metricsBefore = benchmark.metrics();
            double appCpuBefore = app.cpuSeconds();
            long harnessCpuBefore = harnessCpuNanos();
            long wallBefore = System.nanoTime();
            double throughput = benchmark.saturatedThroughput(null);
            double wall = (System.nanoTime() - wallBefore) / 1e9;
            double appCores = (app.cpuSeconds() - appCpuBefore) / wall;
            double harnessCores = (harnessCpuNanos() - harnessCpuBefore) / 1e9 / wall;
            Map<String, Double> metricsAfter = benchmark.metrics();
            System.out.printf("(2) intake, %d submitters:         %7.1f tips/s = %.2f x (1)   [target >= 0.90]%n",
                    SUBMITTERS, throughput, throughput / raw);
            System.out.printf("    per tip in the service: %.1f ms request, of which %.1f ms Argon2id and %.1f ms waiting for it"
                    + " (raw Argon2id: %.1f ms per hash per core)%n",
                    mean(metricsBefore, metricsAfter, "http_server_requests_seconds", "uri=\"/api/v1/tips\""),
                    mean(metricsBefore, metricsAfter, "tipline_case_codes_hash_seconds", ""),
                    mean(metricsBefore, metricsAfter, "tipline_case_codes_wait_seconds", ""), 1000 * cores / raw);
            System.out.printf("    CPU while saturated: service %.2f cores, this load generator %.2f cores, of %d%n",
                    appCores, harnessCores, cores);
            double[] latency = openLoop(benchmark.client, raw / 2, WARM_UP, MEASURE, i -> benchmark.tipRequest((int) i));
            System.out.printf("(3) at %.1f tips/s offered:        p50 %.0f ms, p95 %.0f ms, p99 %.0f ms   [target p99 < 250]%n",
                    raw / 2, latency[0], latency[1], latency[2]);
            List<Long> schoolLatencies = Collections.synchronizedList(new ArrayList<>());
            benchmark.saturatedThroughput(schoolLatencies);
            System.out.printf("(4) GET /api/v1/schools, saturated: p99 %.1f ms (idle p99 %.1f ms)   [target < 100]%n",
                    percentile(schoolLatencies, 0.99), idleSchoolsP99);
        }
        System.exit(0);
    }

    static long harnessCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Argon2id at the production cost on every core, in this JVM, before the service starts. */
    private static double rawHashesPerSecond(int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong hashes = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                // The same reusable instance per thread that the service's gate uses.
                Argon2id.Reusable argon2 = new Argon2id.Reusable(new byte[16], new byte[32], PRODUCTION_COST);
                long n = 0;
                while (running.get()) {
                    argon2.hash(Long.toString(n++).getBytes(), 32);
                    if (counting.get()) {
                        hashes.incrementAndGet();
                    }
                }
            });
        }
        double seconds = measureWindow(counting, running, pool);
        return hashes.get() / seconds;
    }

    /** Closed loop: 32 submitters as fast as answers come; optionally probes the school list meanwhile. */
    private double saturatedThroughput(List<Long> schoolLatencies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SUBMITTERS + 1);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicLong stored = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        for (int i = 0; i < SUBMITTERS; i++) {
            int submitter = i;
            pool.submit(() -> {
                while (running.get()) {
                    int status = client.send(tipRequest(submitter), HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (counting.get()) {
                        (status == 201 ? stored : refused).incrementAndGet();
                    }
                }
                return null;
            });
        }
        if (schoolLatencies != null) {
            pool.submit(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    client.send(schoolsRequest(), HttpResponse.BodyHandlers.ofString());
                    if (counting.get()) {
                        schoolLatencies.add(System.nanoTime() - start);
                    }
                    Thread.sleep(50);
                }
                return null;
            });
        }
        double seconds = measureWindow(counting, running, pool);
        if (refused.get() > 0) {
            System.out.printf("    (%d submissions refused while saturated)%n", refused.get());
        }
        return stored.get() / seconds;
    }

    /**
     * Lets the workers warm up, counts for the measuring window, then stops them. Returns the window's
     * length in seconds.
     */
    static double measureWindow(AtomicBoolean counting, AtomicBoolean running, ExecutorService pool)
            throws InterruptedException {
        return measureWindow(counting, running, pool, WARM_UP, MEASURE);
    }

    static double measureWindow(AtomicBoolean counting, AtomicBoolean running, ExecutorService pool, Duration warmUp,
            Duration measure) throws InterruptedException {
        Thread.sleep(warmUp.toMillis());
        counting.set(true);
        long start = System.nanoTime();
        Thread.sleep(measure.toMillis());
        counting.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        return seconds;
    }

    /**
     * Open loop: request {@code i} leaves at {@code i / rate} s, and its latency counts from that scheduled instant,
     * after {@code warmUp}, for {@code measure}; until then, or until {@code next} has no request left (null). Returns the
     * p50, p95 and p99 of the 201s, in ms.
     */
    static double[] openLoop(HttpClient client, double rate, Duration warmUp, Duration measure, LongFunction<HttpRequest> next)
            throws Exception {
        long interval = (long) (1e9 / rate);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long begin = System.nanoTime();
        long warmUpEnd = begin + warmUp.toNanos();
        long end = warmUpEnd + measure.toNanos();
        for (long i = 0;; i++) {
            long scheduled = begin + i * interval;
            HttpRequest request = scheduled < end ? next.apply(i) : null;
            if (request == null) {
                break;
            }
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            boolean measured = scheduled >= warmUpEnd;
            pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenAccept(response -> {
                if (measured && response.statusCode() == 201) {
                    latencies.add(System.nanoTime() - scheduled);
                }
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        return new double[] { percentile(latencies, 0.50), percentile(latencies, 0.95), percentile(latencies, 0.99) };
    }

    private double schoolsP99(Duration duration) throws Exception {
        List<Long> latencies = new ArrayList<>();
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            client.send(schoolsRequest(), HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - start);
            Thread.sleep(20);
        }
        return percentile(latencies, 0.99);
    }

    /** The service's Prometheus counters: {@code _sum} and {@code _count} lines, by their full name and labels. */
    Map<String, Double> metrics() throws Exception {
        return metrics(client, app);
    }

    /** The service's Prometheus {@code _sum} and {@code _count} lines, by their full name and labels. */
    static Map<String, Double> metrics(HttpClient client, BenchmarkApp app) throws Exception {
        String text = client.send(HttpRequest.newBuilder(app.managementUri.resolve("/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> values = new HashMap<>();
        for (String line : text.split("\n")) {
            int space = line.lastIndexOf(' ');
            if (!line.startsWith("#") && space > 0 && (line.contains("_sum") || line.contains("_count"))) {
                values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return values;
    }

    /** Mean in milliseconds of a timer between two scrapes, over the series whose labels contain {@code filter}. */
    static double mean(Map<String, Double> before, Map<String, Double> after, String timer, String filter) {
        double sum = 0;
        double count = 0;
        for (Map.Entry<String, Double> entry : after.entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith(timer) || !key.contains(filter)) {
                continue;
            }
            double delta = entry.getValue() - before.getOrDefault(key, 0.0);
            if (key.startsWith(timer + "_sum")) {
                sum += delta;
            } else if (key.startsWith(timer + "_count")) {
                count += delta;
            }
        }
        return count == 0 ? Double.NaN : 1000 * sum / count;
    }

    private HttpRequest tipRequest(int n) {
        String school = app.schoolIds.get(Math.floorMod(n, app.schoolIds.size())).toString();
        String body = "{\"schoolId\":\"" + school + "\",\"category\":\"BULLYING\",\"happeningNow\":false,"
                + "\"description\":\"A group of older students keeps cornering a younger one near the buses after the "
                + "last bell and takes his things; it has happened three times this week and he is scared to ride.\","
                + "\"location\":\"bus loop\",\"when\":\"after school\",\"language\":\"en\"}";
        return HttpRequest.newBuilder(app.baseUri.resolve("/api/v1/tips")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Tipline-Proof", proofs.next())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest schoolsRequest() {
        return HttpRequest.newBuilder(app.baseUri.resolve(URI.create("/api/v1/schools"))).timeout(Duration.ofSeconds(30)).build();
    }

    static double percentile(List<Long> nanos, double p) {
        List<Long> sorted = new ArrayList<>(nanos);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
