package org.tipline.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tipline.tip.Tip;
import org.tipline.notify.OutboxWorker;
import org.tipline.support.Database;
import org.tipline.support.LogCapture;
import org.tipline.support.Mailbox;
import org.tipline.support.StaffTokens;
import org.tipline.support.TestClock;
import org.tipline.support.Proofs;

@QuarkusTest
class FollowupTest {

    static final String KELLY_WALSH = UUID.nameUUIDFromBytes("tipline-demo:school:Kelly Walsh High School".getBytes()).toString();
    static final String SRO = StaffTokens.forDemo("sro.kwhs", "SRO");

    @Inject
    OutboxWorker outbox;

    @Inject
    TestClock clock;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    @BeforeEach
    void drainOutbox() {
        deliverAll();
        Mailbox.clear();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A new tip at Kelly Walsh: its case code and its id. */
    record NewTip(String caseCode, String id, String reference) {
    }

    static NewTip submit(String description) {
        Map<String, Object> tip = new HashMap<>();
        tip.put("schoolId", KELLY_WALSH);
        tip.put("category", "BULLYING");
        tip.put("description", description);
        tip.put("happeningNow", false);
        ExtractableResponse<Response> receipt = given().contentType("application/json").body(tip).header(Proofs.tip()).post("/api/v1/tips")
                .then().statusCode(201).extract();
        String reference = receipt.path("reference");
        String id = QuarkusTransaction.requiringNew().call(() -> Tip.<Tip>find("reference", reference).singleResult().id().toString());
        return new NewTip(receipt.path("caseCode"), id, reference);
    }

    /** A fresh address per call, so that tests do not use up each other's allowance of wrong codes. */
    static String clientAddress() {
        return "203.0." + (int) (Math.random() * 256) + "." + (1 + (int) (Math.random() * 250));
    }

    static ExtractableResponse<Response> session(String caseCode, String client) {
        return session(caseCode, client, Proofs.followup());
    }

    static ExtractableResponse<Response> session(String caseCode, String client, Header proof) {
        return given().contentType("application/json").header("X-Forwarded-For", client)
                .body(Map.of("caseCode", caseCode)).header(proof).post("/api/v1/followup/session").then().extract();
    }

    static String tokenFor(String caseCode) {
        ExtractableResponse<Response> answer = session(caseCode, clientAddress());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.<Integer>path("expiresIn")).isEqualTo(1800);
        return answer.path("token");
    }

    void deliverAll() {
        while (outbox.runOnce() > 0) {
            // until the outbox is empty
        }
    }

    @Test
    void shouldCarryAConversationBothWaysWithoutRevealingEitherSide() {
        NewTip tip = submit("Someone keeps taking my friend's lunch money.");
        String token = tokenFor(tip.caseCode());

        given().auth().oauth2(token).get("/api/v1/followup").then().statusCode(200)
                .header("Cache-Control", "no-store").header("Set-Cookie", nullValue())
                .header("Referrer-Policy", "no-referrer")
                .body("reference", equalTo(tip.reference())).body("status", equalTo("received"))
                .body("conversation", hasSize(0)).body("closingNote", nullValue()).body("canReply", equalTo(true));

        given().auth().oauth2(SRO).contentType("application/json").body(Map.of("body", "Which bus does this happen on?"))
                .post("/api/v1/staff/tips/" + tip.id() + "/messages").then().statusCode(201);
        given().auth().oauth2(SRO).post("/api/v1/staff/tips/" + tip.id() + "/acknowledge").then().statusCode(204);
        deliverAll();
        Mailbox.clear();

        String seen = given().auth().oauth2(token).get("/api/v1/followup").then().statusCode(200)
                .body("status", equalTo("being-looked-into"))
                .body("conversation", hasSize(1))
                .body("conversation[0].from", equalTo("staff"))
                .body("conversation[0].body", equalTo("Which bus does this happen on?"))
                .extract().asString();
        assertThat(seen).as("the reporter's view names no staff member")
                .doesNotContain("sro.kwhs").doesNotContain(StaffTokens.demoStaffId("sro.kwhs").toString());
        String around = given().auth().oauth2(token).get("/api/v1/followup").then().extract().path("conversation[0].around");
        assertThat(around).as("times are coarse: to the hour").endsWith(":00:00Z");

        String marker = "ANSWER" + UUID.randomUUID().toString().substring(0, 8);
        try (LogCapture log = LogCapture.start()) {
            given().auth().oauth2(token).contentType("application/json").body(Map.of("body", "Bus 14, " + marker))
                    .post("/api/v1/followup/messages").then().statusCode(201)
                    .header("Cache-Control", "no-store").header("Set-Cookie", nullValue())
                    .body("conversation", hasSize(2))
                    .body("conversation[1].from", equalTo("you"))
                    .body("conversation[1].body", equalTo("Bus 14, " + marker));
            deliverAll();
            assertThat(log.all()).doesNotContain(marker);
        }

        // The staff queue shows the answer as unread; the recipients are told, without its content.
        assertThat(unread(tip)).isEqualTo(1);
        assertThat(Mailbox.recipients()).contains("sro.kwhs@demo.tipline.local", "counselor.kwhs@demo.tipline.local");
        assertThat(Mailbox.received()).allSatisfy(mail -> assertThat(mail.getSubject())
                .isEqualTo("New message from the reporter of tip " + tip.reference() + " for Kelly Walsh High School"));
        assertThat(Mailbox.everything()).contains(tip.reference()).doesNotContain(marker).doesNotContain("Bus 14");
        assertThat(Database.tablesContaining(marker)).as("tables holding the reporter's message in the clear").isEmpty();

        given().auth().oauth2(SRO).get("/api/v1/staff/tips/" + tip.id()).then().statusCode(200)
                .body("messages", hasSize(2))
                .body("messages[1].direction", equalTo("FROM_REPORTER"))
                .body("messages[1].body", equalTo("Bus 14, " + marker));
        assertThat(unread(tip)).isZero();
    }

    private static int unread(NewTip tip) {
        List<Map<String, Object>> items = given().auth().oauth2(SRO).queryParam("size", 100).get("/api/v1/staff/queue")
                .then().statusCode(200).extract().path("items");
        return items.stream().filter(item -> tip.reference().equals(item.get("reference")))
                .map(item -> ((Number) item.get("unreadReporterMessages")).intValue()).findFirst().orElseThrow();
    }

    @Test
    void shouldShowTheSafeClosingNoteButNeitherOutcomeNorNotes() {
        NewTip tip = submit("A group is sharing vapes in the restroom.");
        given().auth().oauth2(SRO).post("/api/v1/staff/tips/" + tip.id() + "/acknowledge").then().statusCode(204);
        given().auth().oauth2(SRO).contentType("application/json").body(Map.of("body", "INTERNAL-NOTE-text"))
                .post("/api/v1/staff/tips/" + tip.id() + "/notes").then().statusCode(201);
        given().auth().oauth2(SRO).contentType("application/json")
                .body(Map.of("outcome", "UNFOUNDED", "closingNote", "LOOKED_INTO"))
                .post("/api/v1/staff/tips/" + tip.id() + "/close").then().statusCode(204);

        String view = given().auth().oauth2(tokenFor(tip.caseCode())).get("/api/v1/followup").then().statusCode(200)
                .body("status", equalTo("closed"))
                .body("closingNote.code", equalTo("LOOKED_INTO"))
                .body("closingNote.text", equalTo("Thank you — this has been looked into."))
                .body("canReply", equalTo(true))
                .extract().asString();
        assertThat(view).doesNotContain("UNFOUNDED").doesNotContain("INTERNAL-NOTE-text");
    }

    @Test
    void shouldCloseTheConversationThirtyDaysAfterTheTipIsClosed() {
        NewTip tip = submit("Threats in a group chat.");
        given().auth().oauth2(SRO).post("/api/v1/staff/tips/" + tip.id() + "/acknowledge").then().statusCode(204);
        given().auth().oauth2(SRO).contentType("application/json").body(Map.of("outcome", "INTERVENTION"))
                .post("/api/v1/staff/tips/" + tip.id() + "/close").then().statusCode(204);

        clock.advance(Duration.ofDays(29));
        String token = tokenFor(tip.caseCode());
        given().auth().oauth2(token).contentType("application/json").body(Map.of("body", "One more thing."))
                .post("/api/v1/followup/messages").then().statusCode(201);

        clock.advance(Duration.ofDays(2));
        given().auth().oauth2(token).contentType("application/json").body(Map.of("body", "And another."))
                .post("/api/v1/followup/messages").then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("conversation-closed"))
                .body("detail", org.hamcrest.Matchers.containsString("send a new tip"));
        given().auth().oauth2(token).get("/api/v1/followup").then().statusCode(200)
                .body("canReply", equalTo(false)).body("conversation", hasSize(1));
    }

    @Test
    void shouldRefuseEmptyAndOverlongMessages() {
        String token = tokenFor(submit("Someone brought a lighter to class.").caseCode());
        for (String body : new String[] { "", "   ", "x".repeat(5001) }) {
            given().auth().oauth2(token).contentType("application/json").body(Map.of("body", body))
                    .post("/api/v1/followup/messages").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        }
        given().auth().oauth2(token).contentType("application/json").body(Map.of("body", "x".repeat(5000)))
                .post("/api/v1/followup/messages").then().statusCode(201);
    }

    /**
     * Alike in answer and in work: each kind of wrong code costs exactly one Argon2id, the only step whose time a
     * guesser could measure from outside (a few ms at the test cost, tens in production). The work is counted, not
     * timed: a timing assertion fails on a busy machine and proves less.
     */
    @Test
    void shouldAnswerWrongUnknownAndMalformedCodesAlikeWithTheSameWork() {
        NewTip tip = submit("Someone is cutting themselves.");
        String real = tip.caseCode();
        char last = real.charAt(real.length() - 1);
        String wrong = real.substring(0, real.length() - 1) + (last == 'Z' ? 'Y' : 'Z');
        Map<String, String> codes = Map.of("wrong", wrong, "unknown", "0000-0000-0000-0000", "malformed", "not a code at all");

        Map<String, String> bodies = new HashMap<>();
        codes.forEach((kind, code) -> {
            Header proof = Proofs.followup();
            long hashesBefore = hashes();
            ExtractableResponse<Response> answer = session(code, clientAddress(), proof);
            assertThat(hashes() - hashesBefore).as("Argon2id runs once for a %s code", kind).isEqualTo(1);
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
            bodies.put(kind, answer.asString());
        });
        assertThat(bodies.get("wrong")).isEqualTo(bodies.get("unknown")).isEqualTo(bodies.get("malformed"))
                .contains("case-code-not-recognized");
    }

    private long hashes() {
        return metrics.get("tipline.case_codes.hash").timer().count();
    }

    @Test
    void shouldSlowDownOneGuessingClientWithoutLockingTheCase() {
        NewTip tip = submit("A student has a list of names.");
        String guesser = clientAddress();
        for (int i = 0; i < 6; i++) {
            assertThat(session("0000-0000-0000-000" + i, guesser).statusCode()).isEqualTo(401);
        }
        ExtractableResponse<Response> refused = session(tip.caseCode(), guesser);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.<String>path("code")).isEqualTo("too-many-attempts");
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1, 2);

        assertThat(session(tip.caseCode(), clientAddress()).statusCode()).as("another client").isEqualTo(200);

        clock.advance(Duration.ofSeconds(retryAfter));
        assertThat(session(tip.caseCode(), guesser).statusCode()).as("the right code after the wait").isEqualTo(200);

        // The next wrong code doubles the wait.
        assertThat(session("0000-0000-0000-0009", guesser).statusCode()).isEqualTo(401);
        assertThat(Integer.parseInt(session(tip.caseCode(), guesser).header("Retry-After"))).isBetween(3, 4);
    }

    @Test
    void shouldNeverKeepOrLogTheGuessersAddress() {
        String address = clientAddress();
        try (LogCapture log = LogCapture.start()) {
            for (int i = 0; i < 8; i++) {
                session("0000-0000-0000-00" + (10 + i), address);
            }
            assertThat(log.all()).doesNotContain(address);
        }
        assertThat(Database.tablesContaining(address)).isEmpty();
    }

    @Test
    void shouldRefuseMissingCodes() {
        given().contentType("application/json").body(Map.of()).header(Proofs.followup()).post("/api/v1/followup/session").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("caseCode"));
        given().contentType("application/json").body(Map.of("caseCode", "x".repeat(65))).header(Proofs.followup()).post("/api/v1/followup/session")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldTakeTheCodeAsPeopleTypeIt() {
        NewTip tip = submit("Someone threatened a teacher.");
        String sloppy = tip.caseCode().toLowerCase().replace("-", " ").replace('0', 'o').replace('1', 'l');
        assertThat(session(sloppy, clientAddress()).statusCode()).isEqualTo(200);
    }
}
