package org.tipline.casework;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.audit.AuditEvent;
import org.tipline.support.Database;
import org.tipline.support.StaffTokens;

@QuarkusTest
class CaseLifecycleTest {

    private static final String NATRONA = UUID.nameUUIDFromBytes("tipline-demo:school:Natrona County High School".getBytes()).toString();
    private static final String SRO = StaffTokens.forDemo("sro.kwhs", "SRO");

    private static ValidatableResponse post(String token, String tipId, String action, Object body) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        return request.post("/api/v1/staff/tips/" + tipId + "/" + action).then();
    }

    private static String status(String tipId) {
        return given().auth().oauth2(SRO).get("/api/v1/staff/tips/" + tipId).then().statusCode(200).extract().path("status");
    }

    private static void refused(String tipId, String action, Object body) {
        post(SRO, tipId, action, body).statusCode(409).body("code", equalTo("illegal-transition"));
    }

    private static final Map<String, String> IN_PROGRESS = Map.of("status", "IN_PROGRESS");
    private static final Map<String, String> CLOSE = Map.of("outcome", "INTERVENTION");

    @Test
    void shouldFollowTheLifecycleAndRefuseEveryOtherStep() {
        String tip = CaseTips.newKellyWalshTip();
        refused(tip, "status", IN_PROGRESS);
        refused(tip, "close", CLOSE);
        refused(tip, "reopen", null);

        post(SRO, tip, "acknowledge", null).statusCode(204);
        assertThat(status(tip)).isEqualTo("ACKNOWLEDGED");
        refused(tip, "acknowledge", null);
        refused(tip, "reopen", null);

        post(SRO, tip, "status", IN_PROGRESS).statusCode(204);
        assertThat(status(tip)).isEqualTo("IN_PROGRESS");
        refused(tip, "acknowledge", null);
        refused(tip, "status", IN_PROGRESS);
        refused(tip, "reopen", null);

        post(SRO, tip, "close", CLOSE).statusCode(204);
        given().auth().oauth2(SRO).get("/api/v1/staff/tips/" + tip).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("outcome", equalTo("INTERVENTION"))
                .body("closingNote", equalTo("TRUSTED_ADULT_FOLLOWING_UP"));
        refused(tip, "close", CLOSE);
        refused(tip, "status", IN_PROGRESS);
        refused(tip, "acknowledge", null);

        post(SRO, tip, "reopen", null).statusCode(204);
        assertThat(status(tip)).isEqualTo("IN_PROGRESS");
        given().auth().oauth2(SRO).get("/api/v1/staff/tips/" + tip).then()
                .body("history.kind", hasItems("ACKNOWLEDGED", "IN_PROGRESS", "CLOSED", "REOPENED"));
        List<String> audited = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list("tipId", UUID.fromString(tip))
                .stream().map(e -> e.action).toList());
        assertThat(audited).contains("TIP_ACKNOWLEDGED", "TIP_IN_PROGRESS", "TIP_CLOSED", "TIP_REOPENED");
    }

    @Test
    void shouldCloseStraightFromAcknowledgedWithAChosenNote() {
        String tip = CaseTips.newKellyWalshTip();
        post(SRO, tip, "acknowledge", null).statusCode(204);

        post(SRO, tip, "close", Map.of("outcome", "UNFOUNDED", "closingNote", "NEED_MORE_DETAILS")).statusCode(204);

        given().auth().oauth2(SRO).get("/api/v1/staff/tips/" + tip).then().body("closingNote", equalTo("NEED_MORE_DETAILS"));
    }

    @Test
    void shouldRefuseToCloseWithoutAKnownOutcome() {
        String tip = CaseTips.newKellyWalshTip();
        post(SRO, tip, "acknowledge", null).statusCode(204);

        post(SRO, tip, "close", Map.of()).statusCode(400).body("errors.field", hasItem("outcome"));
        post(SRO, tip, "close", Map.of("outcome", "SOLVED")).statusCode(400).body("errors.field", hasItem("outcome"));
        given().auth().oauth2(SRO).contentType("application/json").post("/api/v1/staff/tips/" + tip + "/close")
                .then().statusCode(400);
        post(SRO, tip, "status", Map.of("status", "CLOSED")).statusCode(400).body("errors.field", hasItem("status"));
        assertThat(status(tip)).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void shouldKeepNotesAndMessagesEncryptedAndShowThemToStaff() {
        String tip = CaseTips.newKellyWalshTip();
        String marker = "NOTE" + UUID.randomUUID().toString().substring(0, 8);

        post(SRO, tip, "notes", Map.of("body", "Talked to the coach " + marker)).statusCode(201);
        post(SRO, tip, "messages", Map.of("body", "Which bus do you mean? " + marker)).statusCode(201);
        post(SRO, tip, "notes", Map.of("body", " ")).statusCode(400).body("errors.field", hasItem("body"));
        post(SRO, tip, "messages", Map.of("body", "x".repeat(5001))).statusCode(400);

        assertThat(Database.tablesContaining(marker)).isEmpty();
        given().auth().oauth2(SRO).get("/api/v1/staff/tips/" + tip).then().statusCode(200)
                .body("notes[0].body", equalTo("Talked to the coach " + marker))
                .body("messages[0].body", equalTo("Which bus do you mean? " + marker))
                .body("messages[0].direction", equalTo("TO_REPORTER"))
                .body("history.kind", hasItems("NOTE_ADDED", "MESSAGE_TO_REPORTER"));
    }

    @Test
    void shouldAssignOnlyALeadWhoServesTheSchool() {
        String tip = CaseTips.newKellyWalshTip();
        UUID counselor = StaffTokens.demoStaffId("counselor.kwhs");

        post(SRO, tip, "lead", Map.of("staffId", counselor.toString())).statusCode(204);
        given().auth().oauth2(SRO).get("/api/v1/staff/tips/" + tip).then().body("leadStaffId", equalTo(counselor.toString()));
        post(SRO, tip, "lead", Map.of("staffId", StaffTokens.demoStaffId("sro.nchs").toString())).statusCode(400)
                .body("errors.field", hasItem("staffId"));
    }

    @Test
    void shouldMoveAReassignedTipOutOfTheOldScopeAndIntoTheNew() {
        String tip = CaseTips.newKellyWalshTip();

        post(SRO, tip, "reassign", Map.of("schoolId", NATRONA)).statusCode(204);

        given().auth().oauth2(SRO).get("/api/v1/staff/tips/" + tip).then().statusCode(404);
        given().auth().oauth2(StaffTokens.forDemo("sro.nchs", "SRO")).get("/api/v1/staff/tips/" + tip).then().statusCode(200)
                .body("schoolName", equalTo("Natrona County High School"))
                .body("recipients.email", hasItem("sro.nchs@demo.tipline.local"))
                .body("history.kind", hasItem("REASSIGNED"));
        post(StaffTokens.forDemo("sro.nchs", "SRO"), tip, "reassign", Map.of("schoolId", UUID.randomUUID().toString()))
                .statusCode(400).body("errors.field", hasItem("schoolId"));
    }
}
