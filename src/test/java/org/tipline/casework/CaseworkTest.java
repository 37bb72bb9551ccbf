package org.tipline.casework;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tipline.audit.AuditEvent;
import org.tipline.crypto.RecordKind;
import org.tipline.crypto.RecordRef;
import org.tipline.crypto.TipEncryption;
import org.tipline.directory.Agency;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;
import org.tipline.support.DirectoryFixtures;
import org.tipline.support.StaffTokens;
import org.tipline.support.TestClock;
import org.tipline.tip.MessageDirection;
import org.tipline.tip.TipMessage;
import org.tipline.support.Proofs;

@QuarkusTest
class CaseworkTest {

    private static final String KELLY_WALSH = UUID.nameUUIDFromBytes("tipline-demo:school:Kelly Walsh High School".getBytes()).toString();
    private static final String NATRONA = UUID.nameUUIDFromBytes("tipline-demo:school:Natrona County High School".getBytes()).toString();

    @Inject
    TestClock clock;

    @Inject
    TipEncryption encryption;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Map<String, String> submit(String schoolId, String category, boolean happeningNow, String description) {
        Map<String, Object> tip = new HashMap<>();
        tip.put("schoolId", schoolId);
        tip.put("category", category);
        tip.put("description", description);
        tip.put("happeningNow", happeningNow);
        String reference = given().contentType("application/json").body(tip).header(Proofs.tip()).post("/api/v1/tips").then().statusCode(201)
                .extract().path("reference");
        String id = QuarkusTransaction.requiringNew().call(() -> org.tipline.tip.Tip.<org.tipline.tip.Tip>find("reference", reference)
                .singleResult().id().toString());
        return Map.of("reference", reference, "id", id);
    }

    private static ValidatableResponse queue(String token, String query) {
        return given().auth().oauth2(token).get("/api/v1/staff/queue" + query).then();
    }

    private static List<String> references(String token, String query) {
        return queue(token, query + (query.isEmpty() ? "?" : "&") + "size=100").statusCode(200)
                .extract().jsonPath().getList("items.reference", String.class);
    }

    /** A school of its own with its own SRO, so that the queue holds only this test's tips on a kept database. */
    private record OwnSchool(School school, String sroToken) {
    }

    private static OwnSchool ownSchool(District district, String name) {
        Agency agency = DirectoryFixtures.agency();
        School school = DirectoryFixtures.school(district, agency, DirectoryFixtures.unique(name), true);
        Staff sro = DirectoryFixtures.staff(StaffRole.SRO, null, agency, school);
        return new OwnSchool(school, StaffTokens.sign(StaffTokens.claims(sro.id, "SRO")));
    }

    @Test
    void shouldKeepAnSroToTheirOwnSchoolsEverywhere() {
        District district = DirectoryFixtures.district();
        OwnSchool a = ownSchool(district, "School A");
        OwnSchool b = ownSchool(district, "School B");
        Map<String, String> ours = submit(a.school().id.toString(), "DRUGS", false, "Vapes sold in the east restroom.");
        Map<String, String> theirs = submit(b.school().id.toString(), "DRUGS", false, "Vapes sold in the north restroom.");
        String sro = a.sroToken();

        assertThat(references(sro, "")).containsExactly(ours.get("reference"));
        queue(sro, "").body("total", equalTo(1));
        given().auth().oauth2(sro).get("/api/v1/staff/tips/" + theirs.get("id")).then().statusCode(404)
                .body("code", equalTo("tip-not-found"));
        given().auth().oauth2(sro).post("/api/v1/staff/tips/" + theirs.get("id") + "/acknowledge").then().statusCode(404);
        given().auth().oauth2(sro).get("/api/v1/staff/tips/" + ours.get("id")).then().statusCode(200)
                .body("content.description", equalTo("Vapes sold in the east restroom."));
        queue(sro, "?school=" + b.school().id).statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(sro).get("/api/v1/audit/verify").then().statusCode(403);
    }

    @Test
    void shouldShowCoordinatorsTheirDistrictAndAnalystsEverything() {
        District district = DirectoryFixtures.district();
        OwnSchool school = ownSchool(district, "District School");
        Staff coordinatorStaff = DirectoryFixtures.staff(StaffRole.COORDINATOR, district, null, null);
        String coordinator = StaffTokens.sign(StaffTokens.claims(coordinatorStaff.id, "COORDINATOR"));
        Map<String, String> atSchool = submit(school.school().id.toString(), "FIGHTING", false, "A fight is planned at the bus loop.");
        Map<String, String> noSchool = submit(null, "OTHER", false, "Something odd near the river path.");
        Map<String, String> demoSchool = submit(NATRONA, "FIGHTING", false, "Another fight, another school.");

        assertThat(references(coordinator, "")).containsExactly(atSchool.get("reference"));
        given().auth().oauth2(coordinator).get("/api/v1/staff/tips/" + noSchool.get("id")).then().statusCode(404);
        given().auth().oauth2(coordinator).get("/api/v1/staff/tips/" + demoSchool.get("id")).then().statusCode(404);
        String analyst = StaffTokens.forDemo("analyst", "ANALYST");
        for (Map<String, String> tip : List.of(atSchool, noSchool, demoSchool)) {
            given().auth().oauth2(analyst).get("/api/v1/staff/tips/" + tip.get("id")).then().statusCode(200);
        }
        queue(analyst, "?school=" + school.school().id).body("total", equalTo(1));
    }

    @Test
    void shouldPutLifeSafetyFirstThenOldestAndFilter() {
        District district = DirectoryFixtures.district();
        Agency agency = DirectoryFixtures.agency();
        School school = DirectoryFixtures.school(district, agency, DirectoryFixtures.unique("Queue High"), true);
        Staff sro = DirectoryFixtures.staff(StaffRole.SRO, null, agency, school);
        String token = StaffTokens.sign(StaffTokens.claims(sro.id, "SRO"));
        String older = submit(school.id.toString(), "VANDALISM", false, "Graffiti on the gym wall again.").get("reference");
        clock.advance(Duration.ofMinutes(1));
        String urgent = submit(school.id.toString(), "WEAPON", false, "He showed a gun in the parking lot.").get("reference");
        clock.advance(Duration.ofMinutes(1));
        String newer = submit(school.id.toString(), "ALCOHOL", false, "Drinking behind the stadium on Fridays.").get("reference");

        assertThat(references(token, "")).containsExactly(urgent, older, newer);
        assertThat(references(token, "?urgency=STANDARD")).containsExactly(older, newer);
        assertThat(references(token, "?category=ALCOHOL")).containsExactly(newer);
        assertThat(references(token, "?status=CLOSED")).isEmpty();
        assertThat(references(token, "?overdue=true")).isEmpty();
        queue(token, "").body("items[0].urgency", equalTo("LIFE_SAFETY")).body("items[0].overdue", equalTo(false))
                .body("items[0].unreadReporterMessages", equalTo(0)).body("total", equalTo(3));

        clock.advance(Duration.ofMinutes(20));
        assertThat(references(token, "?overdue=true")).containsExactly(urgent);
        assertThat(references(token, "?size=1&page=1")).containsExactly(older);
    }

    @Test
    void shouldFindOneTipByItsReferenceClosedOrNotButOnlyInScope() {
        District district = DirectoryFixtures.district();
        OwnSchool ours = ownSchool(district, "Reference High");
        OwnSchool theirs = ownSchool(district, "Other Reference High");
        Map<String, String> closed = submit(ours.school().id.toString(), "BULLYING", false, "They take his lunch every day.");
        submit(ours.school().id.toString(), "BULLYING", false, "Same group, another boy.");
        Map<String, String> elsewhere = submit(theirs.school().id.toString(), "BULLYING", false, "Names shouted in the hall.");
        String sro = ours.sroToken();
        for (String step : List.of("acknowledge", "close")) {
            given().auth().oauth2(sro).contentType("application/json").body(step.equals("close") ? "{\"outcome\":\"INTERVENTION\"}" : "{}")
                    .post("/api/v1/staff/tips/" + closed.get("id") + "/" + step).then().statusCode(204);
        }

        // Typed from a phone call: lower case, a space before it.
        String typed = " " + closed.get("reference").toLowerCase();
        assertThat(references(sro, "?reference=" + typed)).containsExactly(closed.get("reference"));
        assertThat(references(sro, "?reference=" + elsewhere.get("reference"))).isEmpty();
        assertThat(references(theirs.sroToken(), "?reference=" + elsewhere.get("reference")))
                .containsExactly(elsewhere.get("reference"));
        assertThat(references(sro, "?reference=" + closed.get("reference") + "&status=NEW")).isEmpty();
    }

    @Test
    void shouldNameABadQueueParameter() {
        String token = StaffTokens.forDemo("sro.kwhs", "SRO");
        for (String query : List.of("?status=OPEN", "?urgency=HIGH", "?school=42", "?category=UFO", "?overdue=maybe",
                "?page=-1", "?size=1000", "?reference=T-26-1", "?reference=42%25")) {
            String parameter = query.substring(1, query.indexOf('='));
            queue(token, query).statusCode(400).body("code", equalTo("invalid-parameter"))
                    .body("detail", org.hamcrest.Matchers.containsString("'" + parameter + "'"));
        }
    }

    @Test
    void shouldAuditEveryRead() {
        String token = StaffTokens.forDemo("counselor.kwhs", "COUNSELOR");
        Map<String, String> tip = submit(KELLY_WALSH, "SELF_HARM", false, "My friend has cuts on her arms.");
        UUID tipId = UUID.fromString(tip.get("id"));

        given().auth().oauth2(token).get("/api/v1/staff/tips/" + tipId).then().statusCode(200)
                .body("recipients.email", hasItem("counselor.kwhs@demo.tipline.local"))
                .body("history.kind", hasItem("ROUTED"));
        given().auth().oauth2(token).get("/api/v1/staff/tips/" + tipId).then().statusCode(200);

        List<AuditEvent> reads = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "tipId = ?1 and action = 'TIP_READ'", tipId));
        assertThat(reads).hasSize(2).allMatch(e -> e.actor.equals(StaffTokens.demoStaffId("counselor.kwhs").toString()));
    }

    @Test
    void shouldAcknowledgeOnceAndThenRefuse() {
        String token = StaffTokens.forDemo("sro.kwhs", "SRO");
        String id = submit(KELLY_WALSH, "WEAPON", false, "Knife in a backpack, room 204.").get("id");

        given().auth().oauth2(token).post("/api/v1/staff/tips/" + id + "/acknowledge").then().statusCode(204);
        given().auth().oauth2(token).post("/api/v1/staff/tips/" + id + "/acknowledge").then().statusCode(409)
                .body("code", equalTo("illegal-transition"));
        given().auth().oauth2(token).get("/api/v1/staff/tips/" + id).then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("acknowledgedAt", not(equalTo(null)));
    }

    @Test
    void shouldCountUnreadReporterMessagesUntilStaffReadTheTip() {
        District district = DirectoryFixtures.district();
        Agency agency = DirectoryFixtures.agency();
        School school = DirectoryFixtures.school(district, agency, DirectoryFixtures.unique("Unread High"), true);
        Staff sro = DirectoryFixtures.staff(StaffRole.SRO, null, agency, school);
        String token = StaffTokens.sign(StaffTokens.claims(sro.id, "SRO"));
        UUID tipId = UUID.fromString(submit(school.id.toString(), "DRUGS", false, "Pills sold at lunch.").get("id"));
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 2; i++) {
                TipMessage message = new TipMessage();
                message.id = UUID.randomUUID();
                message.tipId = tipId;
                message.direction = MessageDirection.FROM_REPORTER;
                message.createdAt = java.time.Instant.now();
                message.body = encryption.sealForTip(new RecordRef(tipId, RecordKind.MESSAGE, message.id.toString()),
                        "Bus 14".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                message.persist();
            }
        });

        queue(token, "").body("items[0].unreadReporterMessages", equalTo(2));
        given().auth().oauth2(token).get("/api/v1/staff/tips/" + tipId).then().statusCode(200)
                .body("messages.body", hasItem("Bus 14")).body("messages.direction", hasItem("FROM_REPORTER"));
        queue(token, "").body("items[0].unreadReporterMessages", equalTo(0));
    }

    @Test
    void shouldKeepAdministratorsOutOfTipContent() {
        String admin = StaffTokens.forDemo("admin", "ADMIN");
        queue(admin, "").statusCode(403);
        given().auth().oauth2(admin).get("/api/v1/staff/tips/" + UUID.randomUUID()).then().statusCode(403);
    }
}
