package org.tipline.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.tipline.retention.RetentionTips.ADMIN;
import static org.tipline.retention.RetentionTips.ANALYST;
import static org.tipline.retention.RetentionTips.COORDINATOR;
import static org.tipline.retention.RetentionTips.COUNSELOR;
import static org.tipline.retention.RetentionTips.DEMO_DISTRICT;
import static org.tipline.retention.RetentionTips.SRO;
import static org.tipline.retention.RetentionTips.staff;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tipline.support.StaffTokens;

/** Who may set policies and holds and read access logs, and what a policy may say: as an attacker's chains of requests. */
@QuarkusTest
class RetentionAccessTest {

    private static final String POLICY = "/api/v1/admin/districts/" + DEMO_DISTRICT + "/retention";

    @AfterEach
    void restore() {
        RetentionTips.removeDemoPolicy();
    }

    @Test
    void shouldRefuseAPolicyBelowTheMinimumAndChangeNothing() {
        staff(COORDINATOR).get(POLICY).then().statusCode(200).body("source", equalTo("DEFAULT"))
                .body("daysAfterClose", equalTo(365)).body("minimumDays", equalTo(30));

        staff(COORDINATOR).body(Map.of("daysAfterClose", 29, "reviewAfterDays", 365, "categories", List.of()))
                .put(POLICY).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("daysAfterClose"));
        staff(ADMIN).body(Map.of("daysAfterClose", 90, "reviewAfterDays", 365,
                "categories", List.of(Map.of("category", "WEAPON", "daysAfterClose", 60))))
                .put(POLICY).then().statusCode(400).body("errors[0].field", equalTo("categories.WEAPON"));
        staff(ADMIN).body(Map.of("daysAfterClose", 90, "reviewAfterDays", 365,
                "categories", List.of(Map.of("category", "WEAPON", "daysAfterClose", 400),
                        Map.of("category", "WEAPON", "daysAfterClose", 500))))
                .put(POLICY).then().statusCode(400).body("errors[0].field", equalTo("categories[1].category"));
        staff(ADMIN).body(Map.of("daysAfterClose", 90, "reviewAfterDays", 365,
                "categories", List.of(Map.of("category", "NO_SUCH", "daysAfterClose", 400))))
                .put(POLICY).then().statusCode(400);
        staff(COORDINATOR).get(POLICY).then().statusCode(200).body("source", equalTo("DEFAULT"));

        long audited = RetentionTips.count("select count(*) from audit_event where action = 'RETENTION_POLICY_CHANGED'");
        staff(COORDINATOR).body(Map.of("daysAfterClose", 730, "reviewAfterDays", 180,
                "categories", List.of(Map.of("category", "PLANNED_SCHOOL_ATTACK", "daysAfterClose", 3650))))
                .put(POLICY).then().statusCode(200).body("source", equalTo("OWN")).body("daysAfterClose", equalTo(730))
                .body("categories", hasSize(1)).body("categories[0].daysAfterClose", equalTo(3650));
        assertThat(RetentionTips.count("select count(*) from audit_event where action = 'RETENTION_POLICY_CHANGED'"))
                .isEqualTo(audited + 1);
    }

    @Test
    void shouldKeepPoliciesAndHoldsFromStaffWhoDoNotOwnThem() {
        RetentionTips.NewTip tip = RetentionTips.submit("THREAT_OF_VIOLENCE", RetentionTips.KELLY_WALSH);
        String other = staff(ADMIN).body(Map.of("name", "Retention Other District " + UUID.randomUUID(),
                "timeZone", "America/Chicago")).post("/api/v1/admin/districts").then().statusCode(201).extract().path("id");

        // A counselor and an SRO of the tip's own school can do nothing here.
        for (String token : List.of(COUNSELOR, SRO)) {
            staff(token).body(Map.of("reason", "hide it")).post("/api/v1/staff/tips/" + tip.id() + "/legal-hold")
                    .then().statusCode(403).contentType("application/problem+json");
            staff(token).body(Map.of("reason", "hide it")).delete("/api/v1/staff/tips/" + tip.id() + "/legal-hold")
                    .then().statusCode(403);
            staff(token).get("/api/v1/staff/tips/" + tip.id() + "/access-log").then().statusCode(403);
            staff(token).get(POLICY).then().statusCode(403);
            staff(token).get("/api/v1/staff/districts/" + DEMO_DISTRICT + "/legal-holds").then().statusCode(403);
        }
        // A coordinator cannot read or set another district's policy, nor list its holds: it looks unknown.
        staff(COORDINATOR).get("/api/v1/admin/districts/" + other + "/retention").then().statusCode(404);
        staff(COORDINATOR).body(Map.of("daysAfterClose", 30, "reviewAfterDays", 30, "categories", List.of()))
                .put("/api/v1/admin/districts/" + other + "/retention").then().statusCode(404);
        staff(COORDINATOR).get("/api/v1/staff/districts/" + other + "/legal-holds").then().statusCode(404);
        staff(COORDINATOR).get("/api/v1/staff/districts/" + other + "/retention-review").then().statusCode(404);
        staff(ANALYST).get("/api/v1/staff/districts/" + other + "/legal-holds").then().statusCode(200);
        staff(ADMIN).get("/api/v1/admin/districts/" + other + "/retention").then().statusCode(200);
        // An administrator sees no tips, so sets no holds.
        staff(ADMIN).body(Map.of("reason", "x")).post("/api/v1/staff/tips/" + tip.id() + "/legal-hold").then().statusCode(403);
        // Without a token, nothing.
        given().contentType("application/json").body(Map.of("reason", "x"))
                .post("/api/v1/staff/tips/" + tip.id() + "/legal-hold").then().statusCode(401);
        // A bad body is a 400 that changes nothing.
        staff(COORDINATOR).body(Map.of("reason", " ")).post("/api/v1/staff/tips/" + tip.id() + "/legal-hold")
                .then().statusCode(400);
        staff(COORDINATOR).get("/api/v1/staff/tips/" + tip.id()).then().statusCode(200)
                .body("retention.legalHold", equalTo(null));
    }

    @Test
    void shouldAnswerNotFoundForATipOutsideTheCoordinatorsScope() {
        RetentionTips.NewTip noSchool = RetentionTips.submit("OTHER", null);

        staff(COORDINATOR).body(Map.of("reason", "x")).post("/api/v1/staff/tips/" + noSchool.id() + "/legal-hold")
                .then().statusCode(404).body("code", equalTo("tip-not-found"));
        staff(COORDINATOR).get("/api/v1/staff/tips/" + noSchool.id() + "/access-log").then().statusCode(404);
        staff(COORDINATOR).get("/api/v1/staff/tips/" + UUID.randomUUID() + "/access-log").then().statusCode(404);
        staff(COORDINATOR).get("/api/v1/staff/tips/not-a-uuid/access-log").then().statusCode(400);
        staff(ANALYST).body(Map.of("reason", "Preservation letter")).post("/api/v1/staff/tips/" + noSchool.id() + "/legal-hold")
                .then().statusCode(200);
        assertThat(RetentionTips.historyKinds(noSchool.id())).contains("LEGAL_HOLD_PLACED");
    }

    @Test
    void shouldListWhoReadATipAndAuditThatListing() {
        RetentionTips.NewTip tip = RetentionTips.submit("WEAPON", RetentionTips.KELLY_WALSH);
        staff(COORDINATOR).get("/api/v1/staff/tips/" + tip.id()).then().statusCode(200);
        staff(SRO).get("/api/v1/staff/tips/" + tip.id()).then().statusCode(200);
        staff(ANALYST).get("/api/v1/staff/tips/" + tip.id()).then().statusCode(200);

        var reads = staff(ANALYST).get("/api/v1/staff/tips/" + tip.id() + "/access-log").then().statusCode(200)
                .extract().jsonPath();

        assertThat(reads.getList("staffId")).containsExactly(
                StaffTokens.demoStaffId("analyst").toString(), StaffTokens.demoStaffId("sro.kwhs").toString(),
                StaffTokens.demoStaffId("coordinator").toString());
        assertThat(reads.getList("role")).containsExactly("ANALYST", "SRO", "COORDINATOR");
        assertThat(reads.getList("name")).doesNotContainNull();
        assertThat(RetentionTips.audited(tip.id(), "TIP_ACCESS_LOG_READ")).isEqualTo(1);
    }
}
