package org.tipline.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.tipline.retention.RetentionTips.COORDINATOR;
import static org.tipline.retention.RetentionTips.staff;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tipline.support.Database;
import org.tipline.support.TestClock;
import org.tipline.support.TestImages;

/**
 * Writes and reads of a tip's content at the very moment the job shreds it. The shredding is held still after it has
 * locked the tip and deleted its key and ciphertexts, before it commits; the request starts then, and the shredding
 * is let go once the request waits for a lock. Nothing may stay behind, and nobody gets a 500.
 */
@QuarkusTest
class ShreddingRaceTest {

    @Inject
    RetentionJob job;

    @Inject
    TestClock clock;

    @AfterEach
    void restore() {
        clock.reset();
    }

    @Test
    void shouldRefuseAReporterMessageThatMeetsTheShredding() throws Exception {
        RetentionTips.NewTip tip = RetentionTips.closedWithConversation("FIGHTING");
        String reporter = RetentionTips.reporterToken(tip.caseCode());

        ValidatableResponse answer = duringShredding(tip.id(), reporterStillInTime(),
                () -> given().auth().oauth2(reporter).contentType("application/json")
                        .body(Map.of("body", "One more thing.")).post("/api/v1/followup/messages").then());

        answer.statusCode(409).contentType("application/problem+json").body("code", equalTo("conversation-closed"));
        assertThat(RetentionTips.cipherRows(tip.id())).as("no message left behind under the deleted key")
                .containsEntry("tip_message", 0L).containsEntry("tip_key", 0L);
    }

    @Test
    void shouldRefuseAReporterImageThatMeetsTheShredding() throws Exception {
        RetentionTips.NewTip tip = RetentionTips.closedWithConversation("FIGHTING");
        String reporter = RetentionTips.reporterToken(tip.caseCode());
        byte[] image = TestImages.encode(TestImages.picture(40, 30), "png");

        ValidatableResponse answer = duringShredding(tip.id(), reporterStillInTime(),
                () -> given().auth().oauth2(reporter).contentType("image/png").body(image)
                        .post("/api/v1/followup/attachments").then());

        answer.statusCode(409).contentType("application/problem+json").body("code", equalTo("conversation-closed"));
        assertThat(RetentionTips.cipherRows(tip.id())).containsEntry("attachment", 0L);
    }

    @Test
    void shouldRefuseAStaffNoteThatMeetsTheShredding() throws Exception {
        RetentionTips.NewTip tip = RetentionTips.closedWithConversation("FIGHTING");

        ValidatableResponse answer = duringShredding(tip.id(), clock::reset,
                () -> staff(COORDINATOR).body(Map.of("body", "Late note.")).post("/api/v1/staff/tips/" + tip.id() + "/notes")
                        .then());

        answer.statusCode(409).contentType("application/problem+json").body("code", equalTo("tip-shredded"));
        assertThat(RetentionTips.cipherRows(tip.id())).containsEntry("tip_note", 0L);
    }

    @Test
    void shouldShowTheShreddedCaseFileWhenItIsReadDuringTheShredding() throws Exception {
        RetentionTips.NewTip tip = RetentionTips.closedWithConversation("FIGHTING");

        ValidatableResponse answer = duringShredding(tip.id(), clock::reset,
                () -> staff(COORDINATOR).get("/api/v1/staff/tips/" + tip.id()).then());

        answer.statusCode(200).body("reference", equalTo(tip.reference())).body("content", nullValue())
                .body("notes", hasSize(0)).body("messages", hasSize(0)).body("retention.shreddedAt", notNullValue());
    }

    @Test
    void shouldShowTheReporterTheDeletedConversationWhenItIsReadDuringTheShredding() throws Exception {
        RetentionTips.NewTip tip = RetentionTips.closedWithConversation("FIGHTING");
        String reporter = RetentionTips.reporterToken(tip.caseCode());

        ValidatableResponse answer = duringShredding(tip.id(), reporterStillInTime(),
                () -> given().auth().oauth2(reporter).get("/api/v1/followup").then());

        answer.statusCode(200).body("contentDeleted", equalTo(true)).body("conversation", hasSize(0))
                .body("canReply", equalTo(false));
    }

    /**
     * The reporter's request looks at the clock a moment before the shredding did: the tip was closed 29 days ago, so
     * within the 30-day reply window. (Shredding comes at least 30 days after closing; a request that checked the
     * window just before that, or an upload still being decoded then, meets the shredding this way.)
     */
    private Runnable reporterStillInTime() {
        return () -> {
            clock.reset();
            clock.advance(Duration.ofDays(29));
        };
    }

    /**
     * Runs {@code request} while the job shreds the tip, a year after it was closed: the shredding is held still before
     * it commits; {@code meanwhile} runs, then the request starts; once it waits for a lock the shredding goes on.
     */
    private ValidatableResponse duringShredding(UUID tipId, Runnable meanwhile, Callable<ValidatableResponse> request)
            throws Exception {
        clock.advance(Duration.ofDays(366));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Database.Pause pause = Database.pauseAudit("TIP_SHREDDED", tipId)) {
            Future<Integer> shredding = pool.submit(job::shredDue);
            pause.awaitReached();
            meanwhile.run();
            Future<ValidatableResponse> answer = pool.submit(request);
            pause.awaitOthersWaiting(1);
            pause.release();
            shredding.get(60, TimeUnit.SECONDS);
            assertThat(RetentionTips.shredded(tipId)).isTrue();
            return answer.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }
}
