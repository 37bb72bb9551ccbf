package org.tipline.abuse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tipline.support.Database;
import org.tipline.support.Proofs;
import org.tipline.support.TestClock;

/**
 * Proof of work instead of refusal (issue 13): many tips from one address all get in, each paying a little more;
 * malformed floods cost the next reporter nothing; a right case code is never refused for others' guesses; and a
 * proof that is missing, forged, expired or spent stores nothing. Clients are played through X-Forwarded-For, which
 * the test profile believes from the loopback.
 */
@QuarkusTest
class ProofOfWorkTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** A school and category of their own, so that these many tips crowd no other test's queue. */
    private static final String POISON_SPIDER = UUID.nameUUIDFromBytes(
            "tipline-demo:school:Poison Spider School".getBytes(StandardCharsets.UTF_8)).toString();
    private static final Map<String, Object> TIP = Map.of("schoolId", POISON_SPIDER, "category", "VANDALISM",
            "happeningNow", false, "description", "Someone sprayed paint all over the gym wall last night.");

    @Inject
    TestClock clock;

    @Inject
    AbuseSettings settings;

    @Inject
    SpentProofs spentProofs;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldTakeThirtyTipsFromOneAddressInAMinuteAndAskMoreWorkOfIt() {
        String school = newClient();
        List<Integer> difficulties = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            var challenge = challenge("tip", school);
            difficulties.add(challenge.getInt("difficulty"));
            tipFrom(school, Proofs.solve(challenge.getString("token"), challenge.getInt("difficulty"))).statusCode(201);
        }

        assertThat(difficulties.get(0)).isEqualTo(settings.restDifficulty());
        assertThat(difficulties.get(29)).isGreaterThan(settings.restDifficulty());
        assertThat(challenge("tip", newClient()).getInt("difficulty")).as("another address is not affected")
                .isEqualTo(settings.restDifficulty());
    }

    @Test
    void shouldTakeARealTipAfterSixHundredMalformedPosts() {
        for (int i = 0; i < 600; i++) {
            given().contentType("application/json").header("X-Forwarded-For", newClient()).body("{")
                    .post("/api/v1/tips").then().statusCode(400);
        }

        String reporter = newClient();
        tipFrom(reporter, solvedFor("tip", reporter)).statusCode(201);
    }

    @Test
    void shouldOpenTheRightCaseAfterAGuessingWaveAndRaiseTheFollowUpWorkInstead() {
        String caseCode = tipFrom(newClient(), solvedFor("tip", newClient())).statusCode(201).extract().path("caseCode");
        int before = challenge("followup", newClient()).getInt("difficulty");

        // The wave is 330 guesses within a minute however long a busy machine takes to make them.
        clock.freeze();
        for (int i = 0; i < 330; i++) {
            String guesser = newClient();
            sessionFrom(guesser, solvedFor("followup", guesser), "0000-0000-0000-" + String.format("%04d", i))
                    .statusCode(401);
        }

        String reporter = newClient();
        assertThat(challenge("followup", newClient()).getInt("difficulty")).as("a guessing wave asks more of everyone")
                .isGreaterThan(before);
        sessionFrom(reporter, solvedFor("followup", reporter), caseCode).statusCode(200);
    }

    @Test
    void shouldRefuseMissingForgedSpentAndExpiredProofsAndStoreNothing() {
        String client = newClient();
        var challenge = challenge("tip", client);
        String token = challenge.getString("token");
        String proof = Proofs.solve(token, challenge.getInt("difficulty"));
        String nonce = proof.substring(proof.lastIndexOf(':') + 1);

        Map<String, Long> before = Database.rowCounts();
        refused(tipFrom(client, null), "proof-required");
        refused(tipFrom(client, token.replace(".tip." + challenge.getInt("difficulty") + ".", ".tip.0.") + ":" + nonce),
                "proof-invalid");
        refused(tipFrom(client, Proofs.solved("followup")), "proof-invalid");
        refused(tipFrom(client, token + ":" + unsolvingNonce(token, challenge.getInt("difficulty"))), "proof-invalid");
        refused(tipFrom(client, token + ":-1"), "proof-invalid");
        refused(tipFrom(client, "garbage"), "proof-invalid");
        assertThat(Database.rowCounts()).isEqualTo(before);

        tipFrom(client, proof).statusCode(201);
        Map<String, Long> afterFirst = Database.rowCounts();
        refused(tipFrom(client, proof), "proof-spent");
        refused(sessionFrom(client, proof, "0000-0000-0000-0000"), "proof-invalid");
        assertThat(Database.rowCounts()).isEqualTo(afterFirst);

        String later = solvedFor("tip", client);
        clock.advance(settings.challengeLifetime().plus(Duration.ofSeconds(1)));
        refused(tipFrom(client, later), "proof-expired");
        assertThat(Database.rowCounts()).isEqualTo(afterFirst);
    }

    @Test
    void shouldAnswerAnIdempotentRetryWithoutSpendingItsProofTwice() {
        String client = newClient();
        String proof = solvedFor("tip", client);
        String key = "retry-" + RANDOM.nextLong();

        String first = given().contentType("application/json").header("X-Forwarded-For", client)
                .header("Idempotency-Key", key).header("Tipline-Proof", proof).body(TIP).post("/api/v1/tips")
                .then().statusCode(201).extract().path("caseCode");
        String again = given().contentType("application/json").header("X-Forwarded-For", client)
                .header("Idempotency-Key", key).header("Tipline-Proof", proof).body(TIP).post("/api/v1/tips")
                .then().statusCode(201).extract().path("caseCode");

        assertThat(again).isEqualTo(first);
    }

    @Test
    void shouldForgetSpentProofsOnlyOnceTheyHaveExpired() {
        spentProofs.forgetExpired(); // what earlier runs left on an external database
        String client = newClient();
        tipFrom(client, solvedFor("tip", client)).statusCode(201);
        long spent = Database.rowCounts().get("spent_proof");

        spentProofs.forgetExpired();
        assertThat(Database.rowCounts().get("spent_proof")).as("nothing expired yet").isEqualTo(spent);

        clock.advance(settings.challengeLifetime().plus(Duration.ofSeconds(1)));
        spentProofs.forgetExpired();
        assertThat(Database.rowCounts().get("spent_proof")).isLessThan(spent);
    }

    @Test
    void shouldRefuseAChallengeForAnUnknownPurpose() {
        given().queryParam("purpose", "login").get("/api/v1/challenge").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("invalid-parameter"));
        given().get("/api/v1/challenge").then().statusCode(400).contentType("application/problem+json");
    }

    private static void refused(ValidatableResponse response, String code) {
        response.statusCode(428).contentType("application/problem+json").body("code", equalTo(code))
                .body("detail", containsString("GET /api/v1/challenge"));
    }

    private static String unsolvingNonce(String token, int difficulty) {
        for (long nonce = 0;; nonce++) {
            if (!ProofCheck.solves(token, Long.toString(nonce), difficulty)) {
                return Long.toString(nonce);
            }
        }
    }

    private static io.restassured.path.json.JsonPath challenge(String purpose, String client) {
        return given().header("X-Forwarded-For", client).queryParam("purpose", purpose).get("/api/v1/challenge")
                .then().statusCode(200).extract().jsonPath();
    }

    private static String solvedFor(String purpose, String client) {
        var challenge = challenge(purpose, client);
        return Proofs.solve(challenge.getString("token"), challenge.getInt("difficulty"));
    }

    private static ValidatableResponse tipFrom(String client, String proof) {
        var request = given().contentType("application/json").header("X-Forwarded-For", client)
                .body(TIP);
        if (proof != null) {
            request.header("Tipline-Proof", proof);
        }
        return request.post("/api/v1/tips").then();
    }

    private static ValidatableResponse sessionFrom(String client, String proof, String caseCode) {
        return given().contentType("application/json").header("X-Forwarded-For", client)
                .header("Tipline-Proof", proof).body(Map.of("caseCode", caseCode)).post("/api/v1/followup/session").then();
    }

    /** A documentation address of its own: TEST-NET-3 and 198.18/15, random enough to be new in every run. */
    private static String newClient() {
        return "198." + (18 + RANDOM.nextInt(2)) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
    }
}
