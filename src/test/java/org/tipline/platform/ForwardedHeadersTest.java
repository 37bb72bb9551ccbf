package org.tipline.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipline.support.Proofs;

/**
 * Forwarded headers as proxies and clients really send them, from a trusted proxy (the test client on
 * 127.0.0.1): none may break an answer or keep it waiting (issue 12: "unknown" and "_hidden" gave 500s, an empty
 * entry left every request unanswered), and none may give a client a key of its choosing.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForwardedHeadersTest {

    private static final Random RANDOM = new Random();
    /** A hard limit: a request that is never answered must fail the test, not hang it. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String TIP = "{\"schoolId\":\"" + UUID.nameUUIDFromBytes(
            "tipline-demo:school:Kelly Walsh High School".getBytes(StandardCharsets.UTF_8))
            + "\",\"category\":\"BULLYING\",\"description\":\"Forwarded header probe.\",\"happeningNow\":false}";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/")
    URI base;

    @TestHTTPResource(value = "/", management = true)
    URI management;

    /** A real case code, so the session probes are answered 200 and use up no allowance of wrong codes. */
    private String caseCode;

    static Stream<Arguments> headers() {
        return Stream.of(
                Arguments.of("X-Forwarded-For", "unknown"),
                Arguments.of("X-Forwarded-For", "_hidden"),
                Arguments.of("X-Forwarded-For", ""),
                Arguments.of("X-Forwarded-For", " "),
                Arguments.of("X-Forwarded-For", ", 10.0.0.1"),
                Arguments.of("X-Forwarded-For", "10.0.0.1, "),
                Arguments.of("X-Forwarded-For", ",,"),
                Arguments.of("X-Forwarded-For", "not an address, 203.0.113.9"),
                Arguments.of("X-Forwarded-For", "[2001:db8::1]:443"),
                Arguments.of("X-Forwarded-For", "203.0.113.9:8443"),
                Arguments.of("X-Forwarded-For", "exa mple.org"),
                Arguments.of("Forwarded", "for=_hidden"),
                Arguments.of("Forwarded", "for=unknown"),
                Arguments.of("Forwarded", "for="),
                Arguments.of("Forwarded", "for=\"\""),
                Arguments.of("Forwarded", "for=;proto=https"),
                Arguments.of("Forwarded", "for= ;proto=https"),
                Arguments.of("Forwarded", "for=\" \""),
                Arguments.of("Forwarded", "for= , for=203.0.113.9"),
                Arguments.of("Forwarded", "for=\"[2001:db8::1]:4711\""),
                Arguments.of("Forwarded", "for=192.0.2.60;proto=http;by=203.0.113.43"),
                Arguments.of("Forwarded", "garbage"),
                Arguments.of("Forwarded", ";;,,="));
    }

    @BeforeAll
    void submitATip() throws Exception {
        HttpResponse<String> receipt = send(post("/api/v1/tips", TIP));
        assertThat(receipt.statusCode()).isEqualTo(201);
        caseCode = receipt.body().replaceAll(".*\"caseCode\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @MethodSource("headers")
    void shouldAnswerEveryPathNormallyAndAtOnce(String name, String value) throws Exception {
        List<Probe> probes = List.of(
                new Probe(HttpRequest.newBuilder(management.resolve("/q/health/live")).timeout(TIMEOUT).GET(), 200),
                new Probe(get("/q/health/live"), 404),
                new Probe(get("/api/v1/schools"), 200),
                new Probe(post("/api/v1/tips", TIP), 201),
                new Probe(post("/api/v1/followup/session", "{\"caseCode\":\"" + caseCode + "\"}"), 200));
        for (Probe probe : probes) {
            HttpRequest request = probe.request().header(name, value).build();
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("%s %s with %s: %s", request.method(), request.uri(), name, value)
                    .isEqualTo(probe.status());
        }
    }

    @Test
    void shouldNotGiveAGuesserAFreshKeyForEachMadeUpLeftmostAddress() {
        // The client sends a new X-Forwarded-For of its own with every guess; the ingress appends the
        // address it saw. Only that one counts.
        String client = "192.0.2." + (1 + RANDOM.nextInt(250));
        assertGuessesAreSlowedDown(guess -> "198.18." + guess + ".1, " + client);
    }

    @Test
    void shouldKeyAnIpv6ClientByItsSlash64() {
        // One home network has 2^64 addresses: a new one per guess is not a new client.
        String network = "2001:db8:" + Integer.toHexString(1 + RANDOM.nextInt(0xfffe)) + ":"
                + Integer.toHexString(RANDOM.nextInt(0xffff));
        assertGuessesAreSlowedDown(guess -> network + "::" + Integer.toHexString(guess + 1) + ":"
                + Integer.toHexString(RANDOM.nextInt(0xffff)));
    }

    /**
     * Six wrong codes from what the guesser hopes are six clients: five are free, the sixth sets the first wait,
     * so even the right code must then wait.
     */
    private void assertGuessesAreSlowedDown(IntFunction<String> forwardedFor) {
        for (int guess = 0; guess < 6; guess++) {
            sessionFrom(forwardedFor.apply(guess), "0000-0000-0000-000" + guess).statusCode(401);
        }
        sessionFrom(forwardedFor.apply(6), caseCode).statusCode(429)
                .contentType("application/problem+json").body("code", equalTo("too-many-attempts"));
    }

    private static ValidatableResponse sessionFrom(String forwardedFor, String code) {
        return given().contentType("application/json").header("X-Forwarded-For", forwardedFor)
                .body(Map.of("caseCode", code)).header(Proofs.followup()).post("/api/v1/followup/session").then();
    }

    private record Probe(HttpRequest.Builder request, int status) {
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET();
    }

    /** A post to the tips or the session endpoint, with a fresh proof of work for it. */
    private HttpRequest.Builder post(String path, String json) {
        String purpose = path.endsWith("/tips") ? "tip" : "followup";
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Content-Type", "application/json")
                .header("Tipline-Proof", solved(purpose)).POST(HttpRequest.BodyPublishers.ofString(json));
    }

    /** A challenge fetched with this test's own client (RestAssured is not set up yet in a @BeforeAll), solved. */
    private String solved(String purpose) {
        try {
            String challenge = send(get("/api/v1/challenge?purpose=" + purpose)).body();
            return Proofs.solve(challenge.replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1"),
                    Integer.parseInt(challenge.replaceAll(".*\"difficulty\"\\s*:\\s*([0-9]+).*", "$1")));
        } catch (Exception e) {
            throw new IllegalStateException("no challenge", e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
