package org.tipline.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tipline.auth.StaffScope;
import org.tipline.casework.CaseLifecycle;
import org.tipline.directory.StaffRole;
import org.tipline.notify.OutboxWorker;
import org.tipline.support.Database;
import org.tipline.support.Mailbox;
import org.tipline.support.MarkedTips;
import org.tipline.support.SmsGatewayResource;
import org.tipline.support.StaffTokens;
import org.tipline.support.TestClock;
import org.tipline.tip.Tip;
import org.tipline.tip.TipEvent;

/** The call-down ladder of life-safety tips, step by step on a moved clock, and its end on acknowledgement. */
@QuarkusTest
class CallDownTest {

    private static final StaffScope SRO = new StaffScope(
            UUID.nameUUIDFromBytes("tipline-demo:staff:sro.kwhs@demo.tipline.local".getBytes(StandardCharsets.UTF_8)),
            StaffRole.SRO, Set.of(school("Kelly Walsh High School")));

    private static final String SRO_MOBILE = "+13075550111";
    private static final String ON_CALL_MOBILE = "+13075550122";

    @Inject
    CallDownJob job;

    @Inject
    CallDownLadders ladders;

    @Inject
    OutboxWorker worker;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    TestClock clock;

    @BeforeEach
    void quiet() {
        Mailbox.clear();
        // Only the tips made here may be called down.
        QuarkusTransaction.requiringNew().run(() -> Tip.update("nextCallDownAt = null where nextCallDownAt is not null"));
    }

    @AfterEach
    void restore() {
        clock.reset();
        QuarkusTransaction.requiringNew().run(() -> ladders.replace(school("Park Elementary School"), List.of()));
    }

    @Test
    void shouldCallOneContactAfterAnotherUntilTheTipIsAcknowledged() {
        Tip tip = tip(MarkedTips.submit("WEAPON", "nothing"));
        assertThat(callDownMails()).as("the first step, due at submission, reaches the SRO who was just mailed the tip")
                .isEmpty();
        assertThat(steps(tip)).singleElement().satisfies(event -> assertThat(event.detail).contains("sro.kwhs@"));

        assertThat(job.runOnce()).as("nothing more is due yet").isZero();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        job.runOnce();
        assertThat(callDownMails()).containsExactly("oncall.cpd@demo.tipline.local");

        clock.advance(Duration.ofMinutes(5));
        job.runOnce();
        assertThat(callDownMails()).containsExactly("supervisor.cpd@demo.tipline.local");
        assertThat(steps(tip)).hasSize(3).allSatisfy(event -> assertThat(event.detail).doesNotContain("nothing"));

        lifecycle.acknowledge(SRO, tip.id());
        clock.advance(Duration.ofHours(1));
        assertThat(job.runOnce()).as("acknowledged: the ladder is over").isZero();
        assertThat(callDownMails()).isEmpty();
        assertThat(steps(tip)).hasSize(3);
    }

    @Test
    void shouldCallTheOtherTipsDownWhenOneFailsAndThatOneAMinuteLater() throws Exception {
        Tip failing = tip(MarkedTips.submit("WEAPON", "nothing"));
        Tip other = tip(MarkedTips.submit("WEAPON", "nothing"));
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        try (AutoCloseable fault = Database.refuseEvents("CALLED_DOWN", failing.id())) {
            assertThat(job.runOnce()).as("the other tip").isOne();
        }
        assertThat(steps(other)).hasSize(2);
        assertThat(steps(failing)).hasSize(1);

        clock.advance(DueTips.RETRY_AFTER_FAILURE);
        assertThat(job.runOnce()).isOne();
        assertThat(steps(failing)).hasSize(2);
    }

    @Test
    void shouldTextEveryStepsContactsWithANumberAndNothingOfTheTip() {
        String admin = StaffTokens.forDemo("admin", "ADMIN");
        UUID sro = StaffTokens.demoStaffId("sro.kwhs");
        UUID casperPolice = UUID.nameUUIDFromBytes("tipline-demo:agency:Casper Police Department".getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("mobile", SRO_MOBILE))
                .put("/api/v1/admin/staff/" + sro + "/mobile").then().statusCode(200);
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("onCallMobile", ON_CALL_MOBILE))
                .put("/api/v1/admin/agencies/" + casperPolice + "/mobiles").then().statusCode(200);
        SmsGatewayResource.reset();
        try {
            Tip tip = tip(MarkedTips.submit("WEAPON", "MARKER-CALL-DOWN"));
            callDownMails();
            assertThat(SmsGatewayResource.sentTo(SRO_MOBILE)).as("texted at once, though not mailed twice").hasSize(1)
                    .allSatisfy(text -> assertThat(text.form().get("Body")).startsWith("Tip " + tip.reference()
                            + ", LIFE-SAFETY, Kelly Walsh High School - open the console: http").endsWith("/tips/" + tip.id()));
            assertThat(SmsGatewayResource.sentTo(ON_CALL_MOBILE)).isEmpty();

            clock.advance(Duration.ofMinutes(5).plusSeconds(1));
            job.runOnce();
            callDownMails();
            assertThat(SmsGatewayResource.sentTo(ON_CALL_MOBILE)).hasSize(1);

            lifecycle.acknowledge(SRO, tip.id());
            clock.advance(Duration.ofHours(1));
            job.runOnce();
            callDownMails();
            assertThat(SmsGatewayResource.requests()).hasSize(2)
                    .allSatisfy(text -> assertThat(text.form().toString()).doesNotContain("MARKER-CALL-DOWN"));
        } finally {
            given().auth().oauth2(admin).contentType("application/json").body("{\"mobile\": null}")
                    .put("/api/v1/admin/staff/" + sro + "/mobile").then().statusCode(200);
            given().auth().oauth2(admin).contentType("application/json").body("{}")
                    .put("/api/v1/admin/agencies/" + casperPolice + "/mobiles").then().statusCode(200);
        }
    }

    @Test
    void shouldFollowASchoolsOwnLadderAndCallNobodyForAStandardTip() {
        UUID park = school("Park Elementary School");
        QuarkusTransaction.requiringNew().run(() -> ladders.replace(park, List.of(
                new CallDownStep(CallDownContact.COORDINATOR, Duration.ZERO),
                new CallDownStep(CallDownContact.ANALYST_DESK, Duration.ofMinutes(2)))));

        Tip tip = tip(MarkedTips.submit("SUICIDE_THREAT", "nothing", park));
        assertThat(callDownMails()).containsExactly("coordinator@demo.tipline.local");
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        job.runOnce();
        assertThat(callDownMails()).containsExactly("analyst-desk@demo.tipline.local");
        clock.advance(Duration.ofHours(1));
        assertThat(job.runOnce()).as("past the last step").isZero();
        assertThat(steps(tip)).hasSize(2);

        Tip standard = tip(MarkedTips.submit("VANDALISM", "nothing", park));
        assertThat(callDownMails()).isEmpty();
        assertThat(steps(standard)).isEmpty();
    }

    @Test
    void shouldLetACoordinatorSetTheirSchoolsLadderButNotAnAgencys() {
        String coordinator = StaffTokens.forDemo("coordinator", "COORDINATOR");
        String admin = StaffTokens.forDemo("admin", "ADMIN");
        String park = school("Park Elementary School").toString();
        UUID casperPolice = UUID.nameUUIDFromBytes("tipline-demo:agency:Casper Police Department".getBytes(StandardCharsets.UTF_8));

        given().auth().oauth2(coordinator).get("/api/v1/admin/call-down/" + park).then().statusCode(200)
                .body("source", equalTo("DEFAULT")).body("steps[0].contact", equalTo("SRO"));
        given().auth().oauth2(coordinator).contentType("application/json")
                .body(Map.of("steps", List.of(Map.of("contact", "SRO", "afterMinutes", 0),
                        Map.of("contact", "COORDINATOR", "afterMinutes", 3))))
                .put("/api/v1/admin/call-down/" + park).then().statusCode(200)
                .body("source", equalTo("OWN")).body("steps[1].contact", equalTo("COORDINATOR"))
                .body("steps[1].afterMinutes", equalTo(3));
        given().auth().oauth2(coordinator).contentType("application/json")
                .body(Map.of("steps", List.of(Map.of("contact", "SRO", "afterMinutes", 5),
                        Map.of("contact", "COORDINATOR", "afterMinutes", 3))))
                .put("/api/v1/admin/call-down/" + park).then().statusCode(400)
                .body("errors[0].field", equalTo("steps[1].afterMinutes"));
        given().auth().oauth2(coordinator).contentType("application/json")
                .body(Map.of("steps", List.of(Map.of("contact", "SRO", "afterMinutes", 0))))
                .put("/api/v1/admin/call-down/" + casperPolice).then().statusCode(404);
        given().auth().oauth2(StaffTokens.forDemo("sro.kwhs", "SRO")).get("/api/v1/admin/call-down/" + park).then()
                .statusCode(403);
        given().auth().oauth2(admin).get("/api/v1/admin/call-down/" + casperPolice).then().statusCode(200)
                .body("source", equalTo("DEFAULT"));

        given().auth().oauth2(coordinator).delete("/api/v1/admin/call-down/" + park).then().statusCode(204);
        given().auth().oauth2(coordinator).get("/api/v1/admin/call-down/" + park).then().statusCode(200)
                .body("source", equalTo("DEFAULT"));
        long audited = QuarkusTransaction.requiringNew().call(() -> org.tipline.audit.AuditEvent.count(
                "action in ('CALL_DOWN_CHANGED', 'CALL_DOWN_REMOVED') and detail like ?1", park + "%"));
        assertThat(audited).isGreaterThanOrEqualTo(2);
    }

    /** The call-down mails sent since the last call, by recipient. */
    private List<String> callDownMails() {
        while (worker.runOnce() > 0) {
            // send all
        }
        List<String> recipients = Mailbox.received().stream().filter(mail -> {
            try {
                return mail.getSubject().startsWith("LIFE-SAFETY tip ");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).flatMap(mail -> {
            try {
                return java.util.Arrays.stream(mail.getAllRecipients()).map(Object::toString);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        Mailbox.clear();
        return recipients;
    }

    private static List<TipEvent> steps(Tip tip) {
        return QuarkusTransaction.requiringNew().call(() -> TipEvent.<TipEvent>list("tipId = ?1 and kind = 'CALLED_DOWN'", tip.id()));
    }

    private static Tip tip(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> Tip.<Tip>find("reference", reference).singleResult());
    }

    private static UUID school(String name) {
        return UUID.nameUUIDFromBytes(("tipline-demo:school:" + name).getBytes(StandardCharsets.UTF_8));
    }
}
