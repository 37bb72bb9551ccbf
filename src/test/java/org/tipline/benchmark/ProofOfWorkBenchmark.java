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
import java.util.Properties;
import org.tipline.pages.Browser;
import org.tipline.support.Proofs;

/**
 * What the proof of work costs a reporter and a flooder, against the packaged application with its production
 * settings: (1) the median time to solve the rest difficulty on one core, in Java and in headless Chromium with the
 * form's own solver; (2) a flooder on one core that tries to send 10 tips a second from one address for two minutes:
 * the difficulty it is asked and the tips per second it gets in, per 10-second window, and what a reporter at
 * another address is asked meanwhile.
 */
public final class ProofOfWorkBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int REST_DIFFICULTY = 12;
    private static final int SOLVES = 200;
    private static final Duration FLOOD = Duration.ofMinutes(2);
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final double FLOOD_RATE = 10;
    private static final String FLOODER = "203.0.113.66";
    private static final String REPORTER = "198.51.100.20";

    private final HttpClient client = HttpClient.newHttpClient();
    private final BenchmarkApp app;

    private ProofOfWorkBenchmark(BenchmarkApp app) {
        this.app = app;
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("Proof-of-work benchmark: rest difficulty %d bits, %d solves on one core%n", REST_DIFFICULTY, SOLVES);
        System.out.printf("(1) solve at rest, Java (one thread):        median %6.1f ms%n", javaSolveMillis());
        double browser = browserSolveMillis();
        System.out.printf("(1) solve at rest, Chromium (form's solver): %s%n",
                Double.isNaN(browser) ? "skipped (no /usr/bin/chromium)" : String.format("median %6.1f ms", browser));
        Properties production = new Properties();
        // The flooder and the reporter are played through X-Forwarded-For from the loopback.
        production.setProperty("tipline.proxy.trusted-proxies", "127.0.0.1/32");
        try (BenchmarkApp app = BenchmarkApp.start(Path.of("target/benchmark-pow"), production)) {
            new ProofOfWorkBenchmark(app).flood();
        }
        System.exit(0);
    }

    /** Random tokens of a real token's length: the solving time does not depend on who issued them. */
    private static double javaSolveMillis() {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < SOLVES; i++) {
            String token = randomToken();
            long start = System.nanoTime();
            Proofs.solve(token, REST_DIFFICULTY);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return median(millis);
    }

    private static double browserSolveMillis() throws Exception {
        if (!Browser.installed()) {
            return Double.NaN;
        }
        try (BenchmarkApp app = BenchmarkApp.start(Path.of("target/benchmark-pow-browser")); Browser browser = new Browser()) {
            browser.driver.get(app.baseUri.resolve("/").toString());
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < SOLVES / 4; i++) {
                Object elapsed = browser.driver.executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        import('/assets/proof-worker.js').then(async ({ solve }) => {
                          const start = performance.now();
                          await solve(arguments[0], arguments[1]);
                          done(performance.now() - start);
                        });""", randomToken(), REST_DIFFICULTY);
                millis.add(((Number) elapsed).doubleValue());
            }
            return median(millis);
        }
    }

    private void flood() throws Exception {
        System.out.printf("(2) one flooder aiming at %.0f tips/s from one address, solving on one core, for %d s:%n",
                FLOOD_RATE, FLOOD.toSeconds());
        System.out.println("    window   asked bits   tips in   tips/s   reporter elsewhere asked");
        long end = System.nanoTime() + FLOOD.toNanos();
        long interval = (long) (1e9 / FLOOD_RATE);
        int window = 0;
        while (System.nanoTime() < end) {
            long windowEnd = System.nanoTime() + WINDOW.toNanos();
            int accepted = 0;
            int maxBits = 0;
            long next = System.nanoTime();
            while (System.nanoTime() < windowEnd) {
                JsonNode challenge = challenge(FLOODER);
                int bits = challenge.get("difficulty").asInt();
                maxBits = Math.max(maxBits, bits);
                String proof = Proofs.solve(challenge.get("token").asText(), bits);
                if (tip(FLOODER, proof) == 201) {
                    accepted++;
                }
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } else {
                    next = System.nanoTime();
                }
            }
            window++;
            System.out.printf("    %3d-%3d s   %5d      %5d    %6.2f        %d bits%n", (window - 1) * WINDOW.toSeconds(),
                    window * WINDOW.toSeconds(), maxBits, accepted, accepted / (double) WINDOW.toSeconds(),
                    challenge(REPORTER).get("difficulty").asInt());
        }
    }

    private JsonNode challenge(String from) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(app.baseUri.resolve("/api/v1/challenge?purpose=tip"))
                .header("X-Forwarded-For", from).build();
        return JSON.readTree(client.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private int tip(String from, String proof) throws Exception {
        String body = "{\"schoolId\":\"" + app.schoolIds.get(0) + "\",\"category\":\"OTHER\",\"happeningNow\":false,"
                + "\"description\":\"This is a prank tip from the flood benchmark, sent over and over.\"}";
        HttpRequest request = HttpRequest.newBuilder(app.baseUri.resolve("/api/v1/tips")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Forwarded-For", from).header("Tipline-Proof", proof)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Shaped like a real token: version, purpose, bits, expiry, 16 random bytes, 16-byte MAC. */
    private static String randomToken() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return "1.tip." + REST_DIFFICULTY + "." + (System.currentTimeMillis() / 1000 + 600) + "."
                + base64.encodeToString(java.util.Arrays.copyOf(random, 16)) + "."
                + base64.encodeToString(java.util.Arrays.copyOfRange(random, 16, 32));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
