package org.tipline.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.tipline.retention.RetentionTips.ANALYST;
import static org.tipline.retention.RetentionTips.COORDINATOR;
import static org.tipline.retention.RetentionTips.DEMO_DISTRICT;
import static org.tipline.retention.RetentionTips.staff;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tipline.support.TestClock;
import org.tipline.support.TestImages;
import org.tipline.tip.Tip;

/** The shredding job with a moved clock: what goes, what stays, holds, category periods, two replicas. */
@QuarkusTest
class ShreddingTest {

    private static final ZoneId DENVER = ZoneId.of("America/Denver");

    @Inject
    RetentionJob job;

    @Inject
    TestClock clock;

    @AfterEach
    void restore() {
        clock.reset();
        RetentionTips.removeDemoPolicy();
    }

    @Test
    void shouldShredAClosedTipPastItsPeriodAndKeepItsMetadata() {
        RetentionTips.NewTip tip = RetentionTips.closedWithConversation("FIGHTING");
        String reporter = RetentionTips.reporterToken(tip.caseCode());
        given().auth().oauth2(reporter).contentType("application/json").body(Map.of("body", "It was the east door."))
                .post("/api/v1/followup/messages").then().statusCode(201);
        given().auth().oauth2(reporter).contentType("image/png").body(TestImages.encode(TestImages.picture(40, 30), "png"))
                .post("/api/v1/followup/attachments").then().statusCode(201);
        String metadata = RetentionTips.metadata(tip.id());
        assertThat(RetentionTips.cipherRows(tip.id())).as("before: key, body, both messages, the note, the stored answer, the photo")
                .containsEntry("tip_key", 1L).containsEntry("tip.body", 1L).containsEntry("tip_message", 2L)
                .containsEntry("tip_note", 1L).containsEntry("intake_idempotency", 1L).containsEntry("attachment", 1L);
        LocalDate deletionDay = LocalDate.ofInstant(closedAt(tip.id()).plus(Duration.ofDays(365)), DENVER);

        given().auth().oauth2(reporter).get("/api/v1/followup").then().statusCode(200)
                .body("status", equalTo("closed")).body("deletionDate", equalTo(deletionDay.toString()))
                .body("contentDeleted", equalTo(false)).body("conversation", hasSize(2));
        staff(COORDINATOR).get("/api/v1/staff/tips/" + tip.id()).then().statusCode(200)
                .body("retention.shreddingDueOn", equalTo(deletionDay.toString()))
                .body("retention.shreddedAt", nullValue());

        clock.advance(Duration.ofDays(364));
        RetentionTips.shredAllDue(job);
        assertThat(RetentionTips.shredded(tip.id())).as("a day before its period ends").isFalse();
        assertThat(RetentionTips.cipherRows(tip.id())).containsEntry("tip_key", 1L);

        clock.advance(Duration.ofDays(2));
        RetentionTips.shredAllDue(job);

        assertThat(RetentionTips.cipherRows(tip.id())).as("key and every ciphertext gone")
                .containsOnly(Map.entry("tip_key", 0L), Map.entry("tip.body", 0L), Map.entry("tip_message", 0L),
                        Map.entry("tip_note", 0L), Map.entry("intake_idempotency", 0L), Map.entry("attachment", 0L));
        assertThat(RetentionTips.metadata(tip.id())).as("routing metadata unchanged").isEqualTo(metadata);
        assertThat(RetentionTips.historyKinds(tip.id())).containsOnlyOnce("SHREDDED");
        assertThat(RetentionTips.audited(tip.id(), "TIP_SHREDDED")).isEqualTo(1);
        clock.reset();

        staff(COORDINATOR).get("/api/v1/staff/tips/" + tip.id()).then().statusCode(200)
                .body("reference", equalTo(tip.reference())).body("category", equalTo("FIGHTING"))
                .body("outcome", equalTo("INTERVENTION")).body("content", nullValue())
                .body("notes", hasSize(0)).body("messages", hasSize(0))
                .body("retention.shreddedAt", notNullValue()).body("retention.shreddingDueOn", nullValue());
        staff(COORDINATOR).post("/api/v1/staff/tips/" + tip.id() + "/reopen").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("tip-shredded"));
        staff(COORDINATOR).body(Map.of("body", "Anything?")).post("/api/v1/staff/tips/" + tip.id() + "/messages")
                .then().statusCode(409).body("code", equalTo("tip-shredded"));

        String afterwards = RetentionTips.reporterToken(tip.caseCode());
        given().auth().oauth2(afterwards).get("/api/v1/followup").then().statusCode(200)
                .body("reference", equalTo(tip.reference())).body("contentDeleted", equalTo(true))
                .body("conversation", hasSize(0)).body("canReply", equalTo(false)).body("deletionDate", nullValue());
        given().auth().oauth2(afterwards).contentType("application/json").body(Map.of("body", "Hello?"))
                .post("/api/v1/followup/messages").then().statusCode(409);
        assertThat(RetentionTips.cipherRows(tip.id())).containsEntry("tip_message", 0L);
    }

    @Test
    void shouldNotShredAHeldTipUntilTheHoldIsReleased() {
        RetentionTips.NewTip tip = RetentionTips.closedWithConversation("DRUGS");
        String reporter = RetentionTips.reporterToken(tip.caseCode());

        staff(COORDINATOR).body(Map.of("reason", "Subpoena 2026-CV-118")).post("/api/v1/staff/tips/" + tip.id() + "/legal-hold")
                .then().statusCode(200).body("legalHold.reason", equalTo("Subpoena 2026-CV-118"))
                .body("shreddingDueOn", nullValue());
        staff(ANALYST).body(Map.of("reason", "again")).post("/api/v1/staff/tips/" + tip.id() + "/legal-hold")
                .then().statusCode(409).body("code", equalTo("legal-hold-exists"));
        staff(COORDINATOR).get("/api/v1/staff/tips/" + tip.id()).then().statusCode(200)
                .body("retention.legalHold.reason", equalTo("Subpoena 2026-CV-118"));
        List<String> held = staff(COORDINATOR).get("/api/v1/staff/districts/" + DEMO_DISTRICT + "/legal-holds").then()
                .statusCode(200).extract().jsonPath().getList("tipId");
        assertThat(held).contains(tip.id().toString());
        given().auth().oauth2(reporter).get("/api/v1/followup").then().statusCode(200).body("deletionDate", nullValue());

        clock.advance(Duration.ofDays(800));
        RetentionTips.shredAllDue(job);
        assertThat(RetentionTips.shredded(tip.id())).as("held").isFalse();
        assertThat(RetentionTips.cipherRows(tip.id())).containsEntry("tip_key", 1L).containsEntry("tip_note", 1L);

        staff(ANALYST).body(Map.of("reason", "Case dismissed")).delete("/api/v1/staff/tips/" + tip.id() + "/legal-hold")
                .then().statusCode(200).body("legalHold", nullValue());
        staff(ANALYST).body(Map.of("reason", "twice")).delete("/api/v1/staff/tips/" + tip.id() + "/legal-hold")
                .then().statusCode(409).body("code", equalTo("no-legal-hold"));
        RetentionTips.shredAllDue(job);

        assertThat(RetentionTips.shredded(tip.id())).as("released").isTrue();
        assertThat(RetentionTips.cipherRows(tip.id())).containsEntry("tip_key", 0L).containsEntry("tip_note", 0L);
        assertThat(RetentionTips.historyKinds(tip.id())).containsSubsequence("LEGAL_HOLD_PLACED", "LEGAL_HOLD_RELEASED",
                "SHREDDED");
        assertThat(RetentionTips.audited(tip.id(), "TIP_LEGAL_HOLD_PLACED")).isEqualTo(1);
        assertThat(RetentionTips.audited(tip.id(), "TIP_LEGAL_HOLD_RELEASED")).isEqualTo(1);
        staff(COORDINATOR).body(Map.of("reason", "too late")).post("/api/v1/staff/tips/" + tip.id() + "/legal-hold")
                .then().statusCode(409).body("code", equalTo("tip-shredded"));
    }

    @Test
    void shouldKeepACategoryWithALongerPeriodUntilItsOwnPeriodEnds() {
        staff(COORDINATOR).body(Map.of("daysAfterClose", 100, "reviewAfterDays", 400,
                "categories", List.of(Map.of("category", "SEXUAL_ABUSE", "daysAfterClose", 200))))
                .put("/api/v1/admin/districts/" + DEMO_DISTRICT + "/retention").then().statusCode(200)
                .body("source", equalTo("OWN"));
        RetentionTips.NewTip fight = RetentionTips.submit("FIGHTING", RetentionTips.KELLY_WALSH);
        RetentionTips.NewTip abuse = RetentionTips.submit("SEXUAL_ABUSE", RetentionTips.KELLY_WALSH);
        RetentionTips.close(fight.id());
        RetentionTips.close(abuse.id());
        given().auth().oauth2(RetentionTips.reporterToken(abuse.caseCode())).get("/api/v1/followup").then().statusCode(200)
                .body("deletionDate", equalTo(LocalDate.ofInstant(closedAt(abuse.id()).plus(Duration.ofDays(200)), DENVER)
                        .toString()));

        clock.advance(Duration.ofDays(101));
        RetentionTips.shredAllDue(job);
        assertThat(RetentionTips.shredded(fight.id())).as("the district's 100 days").isTrue();
        assertThat(RetentionTips.shredded(abuse.id())).as("its category's 200 days").isFalse();

        clock.advance(Duration.ofDays(100));
        RetentionTips.shredAllDue(job);
        assertThat(RetentionTips.shredded(abuse.id())).isTrue();
    }

    @Test
    void shouldShredEachTipOnceWhenTwoReplicasRunAtOnce() throws Exception {
        List<UUID> tips = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            RetentionTips.NewTip tip = RetentionTips.submit("VANDALISM", RetentionTips.KELLY_WALSH);
            RetentionTips.close(tip.id());
            tips.add(tip.id());
        }
        long shreddedBefore = RetentionTips.count("select count(*) from tip_event where kind = 'SHREDDED'");
        clock.advance(Duration.ofDays(366));

        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> replica = () -> {
            start.await();
            return RetentionTips.shredAllDue(job);
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> one = pool.submit(replica);
            Future<Integer> two = pool.submit(replica);
            start.countDown();
            int shredded = one.get(60, TimeUnit.SECONDS) + two.get(60, TimeUnit.SECONDS);

            long shreddedNow = RetentionTips.count("select count(*) from tip_event where kind = 'SHREDDED'");
            assertThat(shreddedNow - shreddedBefore).as("each replica counts the tips it shredded, none twice").isEqualTo(shredded);
        } finally {
            pool.shutdownNow();
        }
        Set<UUID> seen = new HashSet<>();
        for (UUID tipId : tips) {
            assertThat(RetentionTips.historyKinds(tipId)).containsOnlyOnce("SHREDDED");
            assertThat(RetentionTips.audited(tipId, "TIP_SHREDDED")).isEqualTo(1);
            assertThat(seen.add(tipId)).isTrue();
        }
    }

    @Test
    void shouldFlagATipNeverClosedInsteadOfShreddingIt() {
        RetentionTips.NewTip open = RetentionTips.submit("BULLYING", RetentionTips.KELLY_WALSH);

        clock.advance(Duration.ofDays(366));
        RetentionTips.shredAllDue(job);
        job.flagDue();

        assertThat(RetentionTips.shredded(open.id())).isFalse();
        assertThat(RetentionTips.cipherRows(open.id())).containsEntry("tip_key", 1L).containsEntry("tip.body", 1L);
        assertThat(RetentionTips.historyKinds(open.id())).containsOnlyOnce("RETENTION_REVIEW");
        assertThat(job.flagDue()).as("each tip is flagged once").isZero();
        clock.reset();
        List<String> flagged = staff(COORDINATOR).get("/api/v1/staff/districts/" + DEMO_DISTRICT + "/retention-review")
                .then().statusCode(200).extract().jsonPath().getList("tipId");
        assertThat(flagged).contains(open.id().toString());
        staff(COORDINATOR).get("/api/v1/staff/tips/" + open.id()).then().statusCode(200)
                .body("retention.flaggedForReviewAt", notNullValue()).body("content.description", notNullValue());
    }

    @Test
    void shouldListEveryTableThatHoldsCiphertextOfATip() {
        // A table with a tip_id and a binary column holds a tip's ciphertext (or its key), unless it is the audit log's
        // hash chain: the shredder must know it, or a shredded tip would leave it behind.
        List<?> tables = QuarkusTransaction.requiringNew().call(() -> Tip.getEntityManager().createNativeQuery("""
                select distinct c.table_name from information_schema.columns c
                where c.table_schema = 'public' and c.data_type = 'bytea' and c.table_name <> 'audit_event'
                  and exists (select 1 from information_schema.columns t where t.table_schema = 'public'
                              and t.table_name = c.table_name and t.column_name = 'tip_id')""").getResultList());

        assertThat(tables).map(Object::toString).containsExactlyInAnyOrderElementsOf(Shredder.CIPHERTEXT_TABLES);
    }

    private static Instant closedAt(UUID tipId) {
        return QuarkusTransaction.requiringNew().call(() -> Tip.<Tip>findById(tipId).closedAt());
    }

}
