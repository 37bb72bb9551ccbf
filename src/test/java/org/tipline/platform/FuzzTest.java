package org.tipline.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.support.Database;
import org.tipline.support.EnvelopeClient;
import org.tipline.support.StaffTokens;
import org.tipline.tip.Tip;
import org.tipline.support.Proofs;

/**
 * Issue 12, "no input crashes the service": thousands of malformed requests, seeded, across every operation
 * of the served OpenAPI document (new endpoints are covered without touching this test). None may answer
 * 5xx or take longer than 5 s, every 4xx is a problem, and none may store anything. Forwarded headers are
 * left out: the client address has tests of its own.
 */
@QuarkusTest
class FuzzTest {

    private static final long SEED = 20261130L;
    private static final int REQUESTS = 2_400;
    /** Every POST /api/v1/tips counts against the one test address's hourly flood cap, which other tests need. */
    private static final int MAX_TIP_POSTS = 150;
    private static final List<String> WATCHED = List.of("tip", "tip_message", "tip_note", "staff", "school", "agency",
            "assignment", "outbox");
    private static final String KELLY_WALSH = demoId("school", "Kelly Walsh High School");

    private final ObjectMapper json = new ObjectMapper();

    private static String demoId(String kind, String name) {
        return UUID.nameUUIDFromBytes(("tipline-demo:" + kind + ":" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Test
    void shouldRefuseEveryMalformedRequestWithAProblemBelow500QuicklyAndStoreNothing() throws Exception {
        JsonNode document = json.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        List<FuzzRequests.Operation> operations = FuzzRequests.operations(document);
        assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThan(30);
        Map<String, String> fixture = fixtureTip();
        Map<String, String> intakeKey = given().get("/api/v1/intake-key").then().statusCode(200).extract().jsonPath().getMap("");
        Random random = new Random(SEED);
        FuzzRequests requests = new FuzzRequests(RestAssured.baseURI + ":" + RestAssured.port, random,
                new MalformedJson(document.path("components"), random), credentials(fixture.get("reporterToken")),
                validIds(fixture.get("tipId")),
                plaintext -> sealed(intakeKey, plaintext),
                operations);
        HttpClient http1 = client(HttpClient.Version.HTTP_1_1);
        HttpClient http2 = client(HttpClient.Version.HTTP_2);
        Map<String, Long> before = watchedRowCounts();

        Map<String, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int tipPosts = 0;
        long start = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            FuzzRequests.Operation operation = operations.get(random.nextInt(operations.size()));
            if (operation.path().equals("/api/v1/tips") && ++tipPosts > MAX_TIP_POSTS) {
                i--;
                continue;
            }
            FuzzRequests.Fuzzed fuzzed = requests.next(operation);
            // Some over HTTP/2 too, where a body without Content-Length is refused (411) before it is read.
            Answer answer = send(random.nextInt(5) == 0 ? http2 : http1, fuzzed);
            byStatus.merge(answer.status(), 1, Integer::sum);
            if (!answer.acceptable(fuzzed.request().method())) {
                failures.add(answer + " <- " + fuzzed.request().method() + " " + fuzzed.request().uri().getRawPath() + " ("
                        + fuzzed.operation() + "; " + fuzzed.how() + ")");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("FuzzTest: %d malformed requests over %d operations in %.1f s (seed %d): %s%n", REQUESTS,
                operations.size(), seconds, SEED, summary(byStatus));
        assertThat(failures).as("answers at or above 500, late, 4xx without a problem body, or changes carried out").isEmpty();
        assertThat(watchedRowCounts()).as("row counts").isEqualTo(before);
    }

    /** The status ("404", or "timeout" when there was none within 5 s) and whether the body is a problem. */
    private record Answer(String status, boolean problem) {

        boolean acceptable(String method) {
            boolean reads = Set.of("GET", "HEAD", "OPTIONS").contains(method);
            return status.startsWith("2") && reads // a malformed request that changes something must not succeed
                    || status.startsWith("3")
                    // HEAD answers carry the headers only, and may carry none of a body's.
                    || status.startsWith("4") && (problem || method.equals("HEAD"));
        }

        @Override
        public String toString() {
            return status + (problem ? " problem" : "");
        }
    }

    private static Answer send(HttpClient client, FuzzRequests.Fuzzed fuzzed) {
        try {
            HttpResponse<String> response = client.send(fuzzed.request(), HttpResponse.BodyHandlers.ofString());
            return new Answer(Integer.toString(response.statusCode()),
                    response.headers().firstValue("Content-Type").orElse("").startsWith(Problem.MEDIA_TYPE));
        } catch (java.net.http.HttpTimeoutException e) {
            return new Answer("timeout", false);
        } catch (java.io.IOException e) {
            return new Answer("io-error " + e.getClass().getSimpleName(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** "2xx=230, 4xx=2170; by status 200=230, 400=432, ...". */
    private static String summary(Map<String, Integer> byStatus) {
        Map<String, Integer> byClass = new TreeMap<>();
        byStatus.forEach((status, count) -> byClass.merge(status.matches("\\d{3}") ? status.charAt(0) + "xx" : status, count, Integer::sum));
        return byClass.toString().replaceAll("[{}]", "") + "; by status " + byStatus.toString().replaceAll("[{}]", "");
    }

    /** A real envelope around a malformed tip: the defect is found only after decryption. */
    private byte[] sealed(Map<String, String> intakeKey, byte[] plaintext) {
        try {
            return json.writeValueAsBytes(EnvelopeClient.seal(intakeKey.get("kid"), intakeKey.get("publicKey"),
                    new String(plaintext, StandardCharsets.UTF_8)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpClient client(HttpClient.Version version) {
        return HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A tip of Kelly Walsh with a reporter session, made before the counts are taken: real ids to aim at. */
    private static Map<String, String> fixtureTip() {
        Map<String, String> receipt = given().contentType("application/json")
                .body(Map.of("schoolId", KELLY_WALSH, "category", "OTHER", "description", "Fuzz test fixture tip.", "happeningNow", false))
                .header(Proofs.tip()).post("/api/v1/tips").then().statusCode(201).extract().jsonPath().getMap("");
        String tipId = QuarkusTransaction.requiringNew()
                .call(() -> Tip.<Tip>find("reference", receipt.get("reference")).singleResult().id().toString());
        String reporterToken = given().contentType("application/json").body(Map.of("caseCode", receipt.get("caseCode")))
                .header(Proofs.followup()).post("/api/v1/followup/session").then().statusCode(200).extract().path("token");
        return Map.of("tipId", tipId, "reporterToken", reporterToken);
    }

    private static Map<String, List<String>> validIds(String tipId) {
        List<String> staff = List.of(StaffTokens.demoStaffId("sro.kwhs").toString(), StaffTokens.demoStaffId("admin").toString(),
                StaffTokens.demoStaffId("coordinator").toString());
        List<String> schools = List.of(KELLY_WALSH, demoId("school", "Natrona County High School"));
        List<String> any = new ArrayList<>(staff);
        any.addAll(schools);
        any.add(tipId);
        return Map.of("id", any, "staffId", staff, "schoolId", schools, "districtId",
                List.of(demoId("district", "Natrona County School District")), "agencyId", List.of(demoId("agency", "Casper Police Department")));
    }

    private static FuzzRequests.Credentials credentials(String reporterToken) throws Exception {
        List<String> staff = List.of(StaffTokens.forDemo("admin", "ADMIN"), StaffTokens.forDemo("coordinator", "COORDINATOR"),
                StaffTokens.forDemo("analyst", "ANALYST"), StaffTokens.forDemo("sro.kwhs", "SRO"),
                StaffTokens.forDemo("counselor.kwhs", "COUNSELOR"));
        UUID admin = StaffTokens.demoStaffId("admin");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        String valid = staff.get(0);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        List<String> forged = List.of(
                StaffTokens.sign(StaffTokens.claims(admin, "ADMIN").expiresAt(java.time.Instant.now().minusSeconds(60))),
                StaffTokens.sign(StaffTokens.claims(UUID.randomUUID(), "ADMIN")),
                StaffTokens.sign(StaffTokens.claims(admin, "ADMIN").issuer("evil")),
                StaffTokens.sign(StaffTokens.claims(admin, "ADMIN").audience("reporter")),
                StaffTokens.sign(StaffTokens.claims(admin, "ADMIN").subject("not-a-uuid")),
                StaffTokens.claims(admin, "ADMIN").jws().algorithm(SignatureAlgorithm.ES256).sign(generator.generateKeyPair().getPrivate()),
                valid.substring(0, valid.length() - 2) + (valid.endsWith("A") ? "BB" : "AA"),
                base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                        + valid.split("\\.")[1] + ".",
                reporterToken.substring(0, reporterToken.lastIndexOf('.') + 1),
                Jwt.claims().subject(admin.toString()).jws().algorithm(SignatureAlgorithm.ES256).sign());
        return new FuzzRequests.Credentials(staff, reporterToken, forged);
    }

    private static Map<String, Long> watchedRowCounts() {
        Map<String, Long> counts = new TreeMap<>(Database.rowCounts());
        counts.keySet().retainAll(WATCHED);
        assertThat(counts).as("watched tables").containsOnlyKeys(WATCHED);
        return counts;
    }
}
