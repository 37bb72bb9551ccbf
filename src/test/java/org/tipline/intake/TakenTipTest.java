package org.tipline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tipline.audit.AuditEvent;
import org.tipline.support.Proofs;
import org.tipline.support.StaffTokens;
import org.tipline.tip.Tip;

/** Tips that staff take on the phone or in person: routed like web tips, followed up on the web, counted by channel. */
@QuarkusTest
class TakenTipTest {

    private static final String ANALYST = StaffTokens.forDemo("analyst", "ANALYST");

    @Test
    void shouldRouteAPhoneTipTakenByAnAnalystAndGiveACodeTheCallerCanFollowUpWithAndCountItAsPhone() {
        long phoneTipsBefore = phoneTips();
        Map<String, Object> tip = TipRequests.validTip();
        var receipt = given().auth().oauth2(ANALYST).contentType("application/json")
                .body(Map.of("channel", "PHONE", "tip", tip)).post("/api/v1/staff/tips").then().statusCode(201)
                .extract().jsonPath();
        String reference = receipt.getString("reference");
        String caseCode = receipt.getString("caseCode");

        Tip stored = QuarkusTransaction.requiringNew().call(() -> Tip.<Tip>find("reference", reference).singleResult());
        given().auth().oauth2(StaffTokens.forDemo("sro.kwhs", "SRO")).get("/api/v1/staff/tips/" + stored.id()).then()
                .statusCode(200).body("channel", equalTo("PHONE")).body("urgency", equalTo("LIFE_SAFETY"))
                .body("recipients.email", org.hamcrest.Matchers.hasItem("sro.kwhs@demo.tipline.local"));
        String analystId = StaffTokens.demoStaffId("analyst").toString();
        long audited = QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "action = 'TIP_TAKEN_BY_STAFF' and tipId = ?1 and actor = ?2", stored.id(), analystId));
        assertThat(audited).isEqualTo(1);

        given().contentType("application/json").header(Proofs.followup()).body(Map.of("caseCode", caseCode))
                .post("/api/v1/followup/session").then().statusCode(200);
        assertThat(phoneTips()).as("the statistics count it in the PHONE channel").isEqualTo(phoneTipsBefore + 1);
    }

    /** Tips of the school year so far in the PHONE channel, as the state analyst's statistics count them. */
    private static long phoneTips() {
        List<Map<String, Object>> cells = given().auth().oauth2(ANALYST).queryParam("groupBy", "channel")
                .get("/api/v1/stats").then().statusCode(200).extract().path("cells");
        return cells.stream().filter(cell -> "PHONE".equals(((Map<?, ?>) cell.get("key")).get("channel")))
                .mapToLong(cell -> ((Number) ((Map<?, ?>) cell.get("figures")).get("tips")).longValue()).sum();
    }

    @Test
    void shouldRefuseAnUnknownChannelAndAnAdministrator() {
        given().auth().oauth2(ANALYST).contentType("application/json")
                .body(Map.of("channel", "WEB", "tip", TipRequests.validTip())).post("/api/v1/staff/tips").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(StaffTokens.forDemo("admin", "ADMIN")).contentType("application/json")
                .body(Map.of("channel", "PHONE", "tip", TipRequests.validTip())).post("/api/v1/staff/tips").then()
                .statusCode(403);
        given().contentType("application/json").body(Map.of("channel", "PHONE", "tip", TipRequests.validTip()))
                .post("/api/v1/staff/tips").then().statusCode(401);
    }
}
