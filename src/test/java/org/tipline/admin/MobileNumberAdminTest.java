package org.tipline.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.tipline.directory.Agency;
import org.tipline.directory.Staff;
import org.tipline.support.LogCapture;
import org.tipline.support.StaffTokens;

/** Mobile numbers of staff accounts and agencies: E.164 only, set as who may manage whom says, seen by administrators. */
@QuarkusTest
class MobileNumberAdminTest {

    private static final String DISTRICT = UUID.nameUUIDFromBytes("tipline-demo:district:Natrona County School District".getBytes()).toString();
    private static final String CASPER_PD = UUID.nameUUIDFromBytes("tipline-demo:agency:Casper Police Department".getBytes()).toString();
    private static final String COORDINATOR = StaffTokens.forDemo("coordinator", "COORDINATOR");
    private static final String ADMIN = StaffTokens.forDemo("admin", "ADMIN");

    private static String number() {
        return "+1307" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.tipline.local";
    }

    private static ValidatableResponse createStaff(String token, String role, String mobile) {
        Map<String, Object> body = new HashMap<>(Map.of("email", unique(role.toLowerCase()), "displayName", "Mobile test",
                "role", role));
        if (role.equals("SRO")) {
            body.put("agencyId", CASPER_PD);
        } else if (!role.equals("ANALYST")) {
            body.put("districtId", DISTRICT);
        }
        body.put("mobile", mobile);
        return given().auth().oauth2(token).contentType("application/json").body(body).post("/api/v1/admin/staff").then();
    }

    private static ValidatableResponse setMobile(String token, String staffId, String mobile) {
        Map<String, Object> body = new HashMap<>();
        body.put("mobile", mobile);
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .put("/api/v1/admin/staff/" + staffId + "/mobile").then();
    }

    private static String staffList(String token) {
        return given().auth().oauth2(token).get("/api/v1/admin/staff").then().statusCode(200).extract().asString();
    }

    private static Staff staff(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Staff.<Staff>findById(UUID.fromString(id)));
    }

    @SuppressWarnings("unchecked")
    private static List<String> auditDetails(String staffId) {
        return QuarkusTransaction.requiringNew().call(() -> Staff.getEntityManager()
                .createNativeQuery("select action || ' ' || coalesce(detail, '') from audit_event where detail like ?1")
                .setParameter(1, "%" + staffId + "%").getResultList());
    }

    @Test
    void shouldShowAnAdministratorTheNumberOfTheAccountTheyCreate() {
        String number = number();
        String id = createStaff(ADMIN, "SRO", number).statusCode(201).body("staff.mobile", equalTo(number))
                .body("staff.hasMobile", equalTo(true)).extract().path("staff.id");

        assertThat(staff(id).mobile()).contains(number);
        assertThat(staffList(ADMIN)).contains(number);
    }

    @Test
    void shouldTellACoordinatorWhetherANumberIsSetButNotTheNumber() {
        String number = number();
        String id = createStaff(COORDINATOR, "COUNSELOR", number).statusCode(201).body("staff.hasMobile", equalTo(true))
                .body("staff.mobile", nullValue()).extract().path("staff.id");
        String other = number();
        setMobile(COORDINATOR, id, other).statusCode(200).body("hasMobile", equalTo(true)).body("mobile", nullValue());

        String list = staffList(COORDINATOR);
        assertThat(list).contains(id).doesNotContain(other).doesNotContain(number);
        assertThat(staff(id).mobile()).contains(other);
        given().auth().oauth2(ADMIN).get("/api/v1/admin/staff").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.mobile", equalTo(other));
    }

    @Test
    void shouldSetAndClearANumberAuditedAndLoggedWithoutIt() {
        String id = createStaff(ADMIN, "SRO", null).statusCode(201).body("staff.hasMobile", equalTo(false)).extract()
                .path("staff.id");
        String number = number();

        try (LogCapture log = LogCapture.start()) {
            setMobile(ADMIN, id, number).statusCode(200).body("mobile", equalTo(number)).body("hasMobile", equalTo(true));
            assertThat(staff(id).mobile).isEqualTo(number);
            setMobile(ADMIN, id, null).statusCode(200).body("mobile", nullValue()).body("hasMobile", equalTo(false));
            assertThat(staff(id).mobile()).isEmpty();
            assertThat(log.all()).doesNotContain(number).doesNotContain(number.substring(1));
        }
        assertThat(auditDetails(id)).contains("STAFF_MOBILE_SET " + id, "STAFF_MOBILE_CLEARED " + id)
                .noneMatch(detail -> detail.contains(number.substring(1)));
    }

    @Test
    void shouldRefuseWhatIsNotE164NamingTheField() {
        String id = createStaff(ADMIN, "SRO", null).statusCode(201).extract().path("staff.id");
        for (String bad : List.of("3075550123", "+1 307 555 0123", "+0307555012", "", "+1234567890123456", "tel:+13075550123")) {
            setMobile(ADMIN, id, bad).statusCode(400).body("errors.field", hasItem("mobile"));
            createStaff(ADMIN, "SRO", bad).statusCode(400).body("errors.field", hasItem("mobile"));
        }
        assertThat(staff(id).mobile()).isEmpty();
    }

    @Test
    void shouldLetACoordinatorSetNumbersOnlyOnAccountsOfTheirDistrict() {
        String sro = createStaff(ADMIN, "SRO", null).statusCode(201).extract().path("staff.id");

        setMobile(COORDINATOR, sro, number()).statusCode(403).body("code", equalTo("account-not-manageable"));
        setMobile(COORDINATOR, UUID.randomUUID().toString(), number()).statusCode(404);
        assertThat(staff(sro).mobile()).isEmpty();
    }

    @Test
    void shouldAskForAnAnalystsNumberOnlyOnceTheAccountExists() {
        createStaff(ADMIN, "ANALYST", number()).statusCode(400).body("errors.field", hasItem("mobile"));
    }

    @Test
    void shouldKeepTheOnCallAndSupervisorNumbersOfAnAgency() {
        String onCall = number();
        String supervisor = number();
        Map<String, Object> agency = new HashMap<>(Map.of("name", "Agency " + UUID.randomUUID(), "kind", "TOWN_POLICE",
                "onCallEmail", "oncall@test.tipline.local", "supervisorEmail", "sup@test.tipline.local", "onCallMobile", onCall));
        String id = given().auth().oauth2(ADMIN).contentType("application/json").body(agency).post("/api/v1/admin/agencies").then()
                .statusCode(201).body("onCallMobile", equalTo(onCall)).body("supervisorMobile", nullValue()).extract().path("id");

        Map<String, Object> mobiles = new HashMap<>();
        mobiles.put("onCallMobile", null);
        mobiles.put("supervisorMobile", supervisor);
        given().auth().oauth2(ADMIN).contentType("application/json").body(mobiles).put("/api/v1/admin/agencies/" + id + "/mobiles")
                .then().statusCode(200).body("onCallMobile", nullValue()).body("supervisorMobile", equalTo(supervisor));
        Agency stored = QuarkusTransaction.requiringNew().call(() -> Agency.<Agency>findById(UUID.fromString(id)));
        assertThat(stored.onCallMobile()).isEmpty();
        assertThat(stored.supervisorMobile()).contains(supervisor);

        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("onCallMobile", "307-555-0123"))
                .put("/api/v1/admin/agencies/" + id + "/mobiles").then().statusCode(400).body("errors.field", hasItem("onCallMobile"));
        given().auth().oauth2(COORDINATOR).contentType("application/json").body(Map.of("onCallMobile", number()))
                .put("/api/v1/admin/agencies/" + id + "/mobiles").then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("onCallMobile", number()))
                .put("/api/v1/admin/agencies/" + UUID.randomUUID() + "/mobiles").then().statusCode(404);
    }
}
