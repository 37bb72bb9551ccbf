package org.tipline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.tipline.support.Database;
import org.tipline.support.Proofs;

@QuarkusTest
class IdempotentSubmissionTest {

    @Inject
    IdempotentIntake idempotency;

    private static ValidatableResponse post(String key, Object body) {
        return given().contentType("application/json").header("Idempotency-Key", key).body(body)
                .header(Proofs.tip()).post("/api/v1/tips").then();
    }

    @Test
    void shouldAnswerAReplayWithTheFirstAnswerAndStoreNothingNew() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> first = post(key, TipRequests.validTip()).statusCode(201).extract().jsonPath().getMap("");
        Map<String, Long> before = Database.rowCounts();

        Map<String, Object> replay = post(key, TipRequests.validTip()).statusCode(201).extract().jsonPath().getMap("");

        // The same receipt, with a reporter token of its own for the same tip (a stored token could have expired).
        assertThat(replay.remove("reporterToken")).isNotNull().isNotEqualTo(first.remove("reporterToken"));
        assertThat(replay).isEqualTo(first);
        assertThat(Database.rowCounts()).isEqualTo(before);
    }

    @Test
    void shouldRefuseTheSameKeyWithAnotherTip() {
        String key = UUID.randomUUID().toString();
        post(key, TipRequests.validTip()).statusCode(201);
        Map<String, Object> other = TipRequests.validTip();
        other.put("description", "Something different happened in the cafeteria.");
        Map<String, Long> before = Database.rowCounts();

        post(key, other).statusCode(422).body("code", equalTo("idempotency-key-reused"));

        assertThat(Database.rowCounts()).isEqualTo(before);
    }

    @Test
    void shouldTakeAKeyAgainForAnotherTipOnceItsWindowHasPassed() {
        String key = UUID.randomUUID().toString();
        String firstTip = post(key, withoutSchool()).statusCode(201).extract().path("reference");
        ageFirstAnswers(firstTip);

        // Another tip under the same key, from a server code and from a key the page derived (one transaction): the
        // expired first answer is not given back, and it does not stand in the way of the new one.
        Map<String, Object> other = withoutSchool();
        other.put("description", "Something different happened in the cafeteria.");
        String secondTip = post(key, other).statusCode(201).extract().path("reference");
        ageFirstAnswers(secondTip);
        Map<String, Object> keyed = withoutSchool();
        keyed.put("description", "And then again in the gym.");
        keyed.put("caseCodeKey", Base64.getUrlEncoder().withoutPadding().encodeToString(new SecureRandom().generateSeed(32)));
        String thirdTip = post(key, keyed).statusCode(201).extract().path("reference");

        assertThat(List.of(firstTip, secondTip, thirdTip)).doesNotHaveDuplicates();
    }

    @Test
    void shouldDeleteFirstAnswersOnceTheirWindowHasPassed() {
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        ageFirstAnswers(post(old, withoutSchool()).statusCode(201).extract().path("reference"));
        post(recent, withoutSchool()).statusCode(201);
        long before = Database.rowCounts().get("intake_idempotency");

        idempotency.forgetExpired();

        assertThat(Database.rowCounts().get("intake_idempotency")).isEqualTo(before - 1);
        post(recent, withoutSchool()).statusCode(201);
        assertThat(Database.rowCounts().get("intake_idempotency")).isEqualTo(before - 1);
    }

    /**
     * A valid tip about no school: these tests store several, which would otherwise crowd the demo SRO's queue that the
     * browser journey looks for its own tip in.
     */
    private static Map<String, Object> withoutSchool() {
        Map<String, Object> tip = TipRequests.validTip();
        tip.remove("schoolId");
        return tip;
    }

    /** Makes the first answers kept for the tip {@code reference} a day and an hour old: past the window. */
    private static void ageFirstAnswers(String reference) {
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery(
                "update intake_idempotency set created_at = created_at - interval '25 hours' where tip_id = "
                        + "(select id from tip where reference = ?1)").setParameter(1, reference).executeUpdate());
    }

    @Test
    void shouldTreatDifferentKeysAsDifferentTips() {
        String first = post(UUID.randomUUID().toString(), TipRequests.validTip()).statusCode(201).extract().path("caseCode");
        String second = post(UUID.randomUUID().toString(), TipRequests.validTip()).statusCode(201).extract().path("caseCode");

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void shouldStoreOneTipWhenTheSameSubmissionArrivesTwiceAtOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        long tipsBefore = Database.rowCounts().get("tip");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<String> submit = () -> post(key, TipRequests.validTip()).statusCode(201).extract().path("caseCode");
                answers.add(pool.submit(submit));
            }
            String firstCode = answers.get(0).get();
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo(firstCode);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(Database.rowCounts().get("tip")).isEqualTo(tipsBefore + 1);
    }

    @Test
    void shouldRefuseAMalformedKey() {
        Map<String, Long> before = Database.rowCounts();

        post("has spaces in it", TipRequests.validTip()).statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));

        assertThat(Database.rowCounts()).isEqualTo(before);
    }
}
