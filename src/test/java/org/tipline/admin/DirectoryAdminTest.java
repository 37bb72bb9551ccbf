package org.tipline.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.directory.District;
import org.tipline.support.DirectoryFixtures;
import org.tipline.support.InvitationMails;
import org.tipline.support.StaffTokens;
import org.tipline.support.Proofs;

@QuarkusTest
class DirectoryAdminTest {

    private static final String DISTRICT = UUID.nameUUIDFromBytes("tipline-demo:district:Natrona County School District".getBytes()).toString();
    private static final String CASPER_PD = UUID.nameUUIDFromBytes("tipline-demo:agency:Casper Police Department".getBytes()).toString();
    private static final String COORDINATOR = StaffTokens.forDemo("coordinator", "COORDINATOR");
    private static final String ADMIN = StaffTokens.forDemo("admin", "ADMIN");

    private static ValidatableResponse post(String token, String path, Object body) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        return request.post("/api/v1/admin" + path).then();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void shouldLetACoordinatorAddASchoolAndACounselorThatTipsThenReach() {
        String schoolName = unique("New Middle School");
        String schoolId = post(COORDINATOR, "/schools", Map.of("districtId", DISTRICT, "agencyId", CASPER_PD, "name", schoolName,
                "level", "JUNIOR_HIGH", "city", "Casper")).statusCode(201).body("active", equalTo(true)).extract().path("id");
        given().get("/api/v1/schools/" + schoolId).then().statusCode(200).body("name", equalTo(schoolName));

        String email = unique("counselor") + "@test.tipline.local";
        Map<String, Object> created = post(COORDINATOR, "/staff", Map.of("email", email, "displayName", "Counselor (test)",
                "role", "COUNSELOR", "districtId", DISTRICT)).statusCode(201).extract().jsonPath().getMap("");
        String staffId = (String) ((Map<?, ?>) created.get("staff")).get("id");
        assertThat(created).doesNotContainKey("temporaryPassword").containsKey("invitationExpiresAt");
        String password = InvitationMails.acceptAs(email);

        given().auth().oauth2(COORDINATOR).contentType("application/json").body(Map.of("kind", "COUNSELOR", "primary", true))
                .put("/api/v1/admin/staff/" + staffId + "/assignments/" + schoolId).then().statusCode(204);
        given().contentType("application/json").body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200);
        given().contentType("application/json")
                .body(Map.of("schoolId", schoolId, "category", "BULLYING", "description", "Bullied at the new school.", "happeningNow", false))
                .header(Proofs.tip()).post("/api/v1/tips").then().statusCode(201);
        given().auth().oauth2(StaffTokens.sign(StaffTokens.claims(UUID.fromString(staffId), "COUNSELOR")))
                .get("/api/v1/staff/queue?category=BULLYING").then().statusCode(200).body("total", equalTo(1));

        post(COORDINATOR, "/schools/" + schoolId + "/deactivate", null).statusCode(204);
        given().get("/api/v1/schools/" + schoolId).then().statusCode(404);
    }

    @Test
    void shouldKeepACoordinatorInTheirDistrict() {
        District other = DirectoryFixtures.district();
        post(COORDINATOR, "/schools", Map.of("districtId", other.id.toString(), "agencyId", CASPER_PD, "name", unique("Other"),
                "level", "HIGH", "city", "Elsewhere")).statusCode(404);
        post(COORDINATOR, "/staff", Map.of("email", unique("c") + "@test.tipline.local", "displayName", "C", "role", "COUNSELOR",
                "districtId", other.id.toString())).statusCode(403).body("code", equalTo("account-not-manageable"));
        post(COORDINATOR, "/staff", Map.of("email", unique("a") + "@test.tipline.local", "displayName", "A", "role", "ANALYST"))
                .statusCode(403);
        post(COORDINATOR, "/agencies", Map.of("name", unique("Agency"), "kind", "TOWN_POLICE", "onCallEmail", "a@b.org",
                "supervisorEmail", "c@d.org")).statusCode(403);
        given().auth().oauth2(COORDINATOR).get("/api/v1/admin/staff").then().statusCode(200)
                .body("email", hasItem("sro.kwhs@demo.tipline.local")).body("email", not(hasItem("admin@demo.tipline.local")));
    }

    @Test
    void shouldLetAnAdministratorAddAnAgency() {
        post(ADMIN, "/agencies", Map.of("name", unique("Mills Police"), "kind", "TOWN_POLICE", "onCallEmail", "oncall@mills.org",
                "supervisorEmail", "chief@mills.org")).statusCode(201).body("kind", equalTo("TOWN_POLICE"));
        post(ADMIN, "/agencies", Map.of("name", "Casper Police Department", "kind", "CITY_POLICE", "onCallEmail", "x@y.org",
                "supervisorEmail", "x@y.org")).statusCode(409).body("code", equalTo("duplicate"));
    }

    @Test
    void shouldValidateStaffAccounts() {
        post(ADMIN, "/staff", Map.of("email", "sro.kwhs@demo.tipline.local", "displayName", "Dup", "role", "SRO", "agencyId", CASPER_PD))
                .statusCode(409);
        post(ADMIN, "/staff", Map.of("email", unique("s") + "@test.tipline.local", "displayName", "S", "role", "SRO"))
                .statusCode(400).body("errors.field", hasItem("agencyId"));
        post(ADMIN, "/staff", Map.of("email", "not-an-email", "displayName", "S", "role", "SRO", "agencyId", CASPER_PD))
                .statusCode(400).body("errors.field", hasItem("email"));
        post(ADMIN, "/staff", Map.of("email", unique("c") + "@test.tipline.local", "displayName", "C", "role", "COUNSELOR"))
                .statusCode(400).body("errors.field", hasItem("districtId"));
    }

    @Test
    void shouldResetAnAccountAndRevokeItsTokens() {
        String email = unique("sro") + "@test.tipline.local";
        Map<String, Object> created = post(ADMIN, "/staff", Map.of("email", email, "displayName", "SRO (test)", "role", "SRO",
                "agencyId", CASPER_PD)).statusCode(201).extract().jsonPath().getMap("");
        String staffId = (String) ((Map<?, ?>) created.get("staff")).get("id");
        String first = InvitationMails.acceptAs(email);
        String token = given().contentType("application/json").body(Map.of("email", email, "password", first))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");

        post(ADMIN, "/staff/" + staffId + "/reset", null).statusCode(200).body("invitationExpiresAt", notNullValue());

        given().auth().oauth2(token).get("/api/v1/staff/me").then().statusCode(401);
        given().contentType("application/json").body(Map.of("email", email, "password", first))
                .post("/api/v1/auth/login").then().statusCode(401);
        String fresh = "a fresh password " + UUID.randomUUID();
        given().contentType("application/json").body(Map.of("token", InvitationMails.tokenFor(email), "password", fresh))
                .post("/api/v1/invitations/accept").then().statusCode(204);
        given().contentType("application/json").body(Map.of("email", email, "password", fresh))
                .post("/api/v1/auth/login").then().statusCode(200);
    }

    @Test
    void shouldRefuseAnAssignmentThatDoesNotMatchTheRole() {
        String kellyWalsh = UUID.nameUUIDFromBytes("tipline-demo:school:Kelly Walsh High School".getBytes()).toString();
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("kind", "COUNSELOR", "primary", false))
                .put("/api/v1/admin/staff/" + StaffTokens.demoStaffId("sro.nchs") + "/assignments/" + kellyWalsh)
                .then().statusCode(400).body("errors.field", hasItem("kind"));
    }

    @Test
    void shouldKeepOtherRolesOut() {
        given().auth().oauth2(StaffTokens.forDemo("sro.kwhs", "SRO")).get("/api/v1/admin/staff").then().statusCode(403);
        given().auth().oauth2(StaffTokens.forDemo("analyst", "ANALYST")).get("/api/v1/admin/schools").then().statusCode(403);
    }
}
