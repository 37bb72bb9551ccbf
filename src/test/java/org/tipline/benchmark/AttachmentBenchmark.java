package org.tipline.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.tipline.support.TestImages;

/**
 * Attachment upload benchmark (issue 18): the resident memory (RSS) of the packaged service, idle and while 20 clients
 * upload a 10 MiB photo each at the same time, three rounds in a row, with a service heap of 512 MiB. The upload gate
 * lets only a few images be read and decoded at once, so memory should stay flat however many uploads wait.
 *
 * <p>Run: {@code ./mvnw -Pbenchmark verify -Dbenchmark.main=org.tipline.benchmark.AttachmentBenchmark}.
 */
public final class AttachmentBenchmark {

    private static final int PARALLEL = 20;
    private static final int ROUNDS = 3;
    private static final String HEAP = "512m";
    private static final long LIMIT = 10L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final BenchmarkApp app;

    private AttachmentBenchmark(BenchmarkApp app) {
        this.app = app;
    }

    public static void main(String[] args) throws Exception {
        byte[] photo = photo();
        System.out.printf("Attachment benchmark: %d cores, %d parallel uploads of a %.2f MiB %dx%d JPEG, %d rounds, "
                + "service heap -Xmx%s%n", Runtime.getRuntime().availableProcessors(), PARALLEL, photo.length / 1048576.0,
                WIDTH, HEIGHT, ROUNDS, HEAP);
        Properties settings = new Properties();
        // One load generator is one client sending far more than any reporter: the abuse limits would stop it.
        settings.setProperty("tipline.abuse.rest-difficulty", "0");
        settings.setProperty("tipline.abuse.max-difficulty", "0");
        settings.setProperty("tipline.attachments.max-per-tip", "1000");
        settings.setProperty("tipline.attachments.max-per-client-per-hour", "100000");
        // A heap of 512 MiB: 20 bodies and their decoded pixels at once (about 1.2 GiB) would not fit in it.
        try (BenchmarkApp app = BenchmarkApp.start(Path.of("target/benchmark"), settings, HEAP)) {
            new AttachmentBenchmark(app).run(photo);
        }
    }

    private void run(byte[] photo) throws Exception {
        String token = reporterToken();
        upload(token, photo); // warm-up: code paths compiled, pools filled
        System.gc();
        Thread.sleep(2000);
        long idle = app.memoryKib("VmRSS");
        System.out.printf("RSS idle after one upload:              %7.1f MiB%n", idle / 1024.0);
        for (int round = 1; round <= ROUNDS; round++) {
            AtomicLong peak = new AtomicLong();
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    try {
                        peak.accumulateAndGet(app.memoryKib("VmRSS"), Math::max);
                        Thread.sleep(50);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            sampler.start();
            long started = System.nanoTime();
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
            List<Future<?>> uploads = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                uploads.add(pool.submit(() -> statuses.merge(upload(token, photo), 1, Integer::sum)));
            }
            for (Future<?> upload : uploads) {
                upload.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - started) / 1e9;
            sampling.set(false);
            sampler.join();
            System.out.printf("round %d: %d uploads in %5.1f s, statuses %s; RSS peak %7.1f MiB, after %7.1f MiB%n", round,
                    PARALLEL, seconds, statuses, peak.get() / 1024.0, app.memoryKib("VmRSS") / 1024.0);
        }
        System.out.printf("RSS high-water mark of the service (VmHWM): %7.1f MiB; 20 bodies alone would be %d MiB%n",
                app.memoryKib("VmHWM") / 1024.0, PARALLEL * photo.length / 1048576);
    }

    private String reporterToken() throws Exception {
        Challenges proofs = Challenges.prefetch(app.baseUri, 1);
        String body = JSON.writeValueAsString(Map.of("schoolId", app.schoolIds.get(0).toString(), "category", "VANDALISM",
                "description", "Benchmark tip with photos.", "happeningNow", false));
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(app.baseUri.resolve("/api/v1/tips"))
                .header("Content-Type", "application/json").header("Tipline-Proof", proofs.next())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("tip refused: " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body()).get("reporterToken").asText();
    }

    private int upload(String token, byte[] photo) {
        try {
            return client.send(HttpRequest.newBuilder(app.baseUri.resolve("/api/v1/followup/attachments"))
                    .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofByteArray(photo)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** 16.77 megapixels: the largest image decoded at full resolution (tipline.attachments.max-stored-pixels). */
    private static final int WIDTH = 4608;
    private static final int HEIGHT = 3640;

    /**
     * A photo-like JPEG (gradients and grain) as large as an upload gets, up to 10 MiB: the most pixels decoded at full
     * resolution, with as much grain as keeps it within the limit.
     */
    private static byte[] photo() {
        int low = 0;
        int high = 256;
        byte[] best = TestImages.encode(grained(low), "jpeg");
        while (high - low > 1) {
            int grain = (low + high) / 2;
            byte[] candidate = TestImages.encode(grained(grain), "jpeg");
            if (candidate.length <= LIMIT) {
                best = candidate;
                low = grain;
            } else {
                high = grain;
            }
        }
        return best;
    }

    private static BufferedImage grained(int grain) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(18);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                // Grain of its own in each channel, as a sensor's: enough detail for a 10 MiB JPEG at the usual quality.
                int red = (x * 255 / WIDTH + noise(random, grain)) & 0xFF;
                int green = (y * 255 / HEIGHT + noise(random, grain)) & 0xFF;
                int blue = (128 + noise(random, grain)) & 0xFF;
                image.setRGB(x, y, red << 16 | green << 8 | blue);
            }
        }
        return image;
    }

    private static int noise(Random random, int grain) {
        return grain == 0 ? 0 : random.nextInt(grain);
    }
}
