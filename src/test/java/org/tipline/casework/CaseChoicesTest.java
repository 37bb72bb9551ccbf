package org.tipline.casework;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.directory.Agency;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;
import org.tipline.support.DirectoryFixtures;
import org.tipline.support.Proofs;
import org.tipline.support.StaffTokens;
import org.tipline.tip.Tip;

/** The choices of the console: schools to filter by and move to, who may lead, and the zone tips are shown in. */
@QuarkusTest
class CaseChoicesTest {

    private static final String NATRONA = UUID.nameUUIDFromBytes("tipline-demo:school:Natrona County High School".getBytes())
            .toString();

    private static String submit(String schoolId) {
        Map<String, Object> tip = new HashMap<>();
        tip.put("schoolId", schoolId);
        tip.put("category", "FIGHTING");
        tip.put("description", "A fight is planned behind the gym.");
        tip.put("happeningNow", false);
        String reference = given().contentType("application/json").body(tip).header(Proofs.tip()).post("/api/v1/tips").then()
                .statusCode(201).extract().path("reference");
        return QuarkusTransaction.requiringNew().call(() -> Tip.<Tip>find("reference", reference).singleResult().id().toString());
    }

    private static JsonPath schools(String token) {
        return given().auth().oauth2(token).get("/api/v1/staff/schools").then().statusCode(200).extract().jsonPath();
    }

    private static District districtIn(String zone) {
        District district = DirectoryFixtures.district();
        QuarkusTransaction.requiringNew().run(() -> District.<District>findById(district.id).timeZone = zone);
        return district;
    }

    @Test
    void shouldOfferAnSroTheirSchoolsToFilterAndTheirDistrictsSchoolsToMoveTo() {
        District district = DirectoryFixtures.district();
        Agency agency = DirectoryFixtures.agency();
        School mine = DirectoryFixtures.school(district, agency, DirectoryFixtures.unique("Choice High"), true);
        School neighbour = DirectoryFixtures.school(district, agency, DirectoryFixtures.unique("Choice Middle"), true);
        School elsewhere = DirectoryFixtures.school(DirectoryFixtures.district(), agency, DirectoryFixtures.unique("Far High"), true);
        Staff sro = DirectoryFixtures.staff(StaffRole.SRO, null, agency, mine);

        JsonPath answer = schools(StaffTokens.sign(StaffTokens.claims(sro.id, "SRO")));

        assertThat(answer.getList("id", String.class)).containsExactlyInAnyOrder(mine.id.toString(), neighbour.id.toString());
        assertThat(answer.getBoolean("find { it.id == '" + mine.id + "' }.served")).isTrue();
        assertThat(answer.getBoolean("find { it.id == '" + neighbour.id + "' }.served")).isFalse();
        assertThat(answer.getString("find { it.id == '" + mine.id + "' }.districtName")).isEqualTo(district.name);
        assertThat(answer.getString("find { it.id == '" + mine.id + "' }.timeZone")).isEqualTo("America/Denver");
        JsonPath analyst = schools(StaffTokens.forDemo("analyst", "ANALYST"));
        assertThat(analyst.getList("id", String.class)).contains(mine.id.toString(), elsewhere.id.toString(), NATRONA);
        assertThat(analyst.getList("served", Boolean.class)).containsOnly(true);
    }

    @Test
    void shouldOfferStaffWithoutSchoolsNothingAndRefuseAdministratorsAndStrangers() {
        Staff unassigned = DirectoryFixtures.staff(StaffRole.SRO, null, DirectoryFixtures.agency(), null);
        assertThat(schools(StaffTokens.sign(StaffTokens.claims(unassigned.id, "SRO"))).getList("")).isEmpty();
        given().auth().oauth2(StaffTokens.forDemo("admin", "ADMIN")).get("/api/v1/staff/schools").then().statusCode(403);
        given().get("/api/v1/staff/schools").then().statusCode(401);
    }

    @Test
    void shouldShowEveryTipInItsDistrictsZoneAndTipsWithoutASchoolInTheLinesZone() {
        District eastern = districtIn("America/New_York");
        Agency agency = DirectoryFixtures.agency();
        School school = DirectoryFixtures.school(eastern, agency, DirectoryFixtures.unique("Eastern High"), true);
        Staff sro = DirectoryFixtures.staff(StaffRole.SRO, null, agency, school);
        String token = StaffTokens.sign(StaffTokens.claims(sro.id, "SRO"));
        String tip = submit(school.id.toString());
        String noSchool = submit(null);

        given().auth().oauth2(token).get("/api/v1/staff/queue").then().statusCode(200)
                .body("items.find { it.id == '" + tip + "' }.timeZone", equalTo("America/New_York"));
        given().auth().oauth2(token).get("/api/v1/staff/tips/" + tip).then().statusCode(200)
                .body("timeZone", equalTo("America/New_York"));
        String analyst = StaffTokens.forDemo("analyst", "ANALYST");
        given().auth().oauth2(analyst).get("/api/v1/staff/tips/" + noSchool).then().statusCode(200)
                .body("timeZone", equalTo("America/Denver"));
        given().auth().oauth2(analyst).get("/api/v1/staff/queue?school=" + school.id).then().statusCode(200)
                .body("items[0].timeZone", equalTo("America/New_York"));
    }

    @Test
    void shouldOfferAsLeadsExactlyThoseWhomTheLeadStepAccepts() {
        String tip = submit(CaseTips.KELLY_WALSH);
        String sro = StaffTokens.forDemo("sro.kwhs", "SRO");
        String leads = "/api/v1/staff/tips/" + tip + "/leads";

        JsonPath answer = given().auth().oauth2(sro).get(leads).then().statusCode(200).extract().jsonPath();
        List<String> offered = answer.getList("staffId", String.class);
        assertThat(offered).contains(id("sro.kwhs"), id("counselor.kwhs"), id("coordinator"), id("analyst"))
                .doesNotContain(id("sro.nchs"), id("admin"));
        assertThat(answer.getList("lead", Boolean.class)).containsOnly(false);
        for (String staffId : offered) {
            given().auth().oauth2(sro).contentType("application/json").body(Map.of("staffId", staffId))
                    .post("/api/v1/staff/tips/" + tip + "/lead").then().statusCode(204);
        }
        given().auth().oauth2(sro).get(leads).then().statusCode(200)
                .body("find { it.lead }.staffId", equalTo(offered.get(offered.size() - 1)))
                .body("findAll { it.lead }.size()", equalTo(1));

        // Out of scope looks like unknown; the other roles are refused.
        given().auth().oauth2(StaffTokens.forDemo("sro.nchs", "SRO")).get(leads).then().statusCode(404)
                .body("code", equalTo("tip-not-found"));
        given().auth().oauth2(sro).get("/api/v1/staff/tips/" + UUID.randomUUID() + "/leads").then().statusCode(404);
        given().auth().oauth2(sro).get("/api/v1/staff/tips/not-a-uuid/leads").then().statusCode(400);
        given().auth().oauth2(StaffTokens.forDemo("admin", "ADMIN")).get(leads).then().statusCode(403);
        given().get(leads).then().statusCode(401);
    }

    @Test
    void shouldNotOfferDisabledStaffAsLeads() {
        District district = DirectoryFixtures.district();
        Agency agency = DirectoryFixtures.agency();
        School school = DirectoryFixtures.school(district, agency, DirectoryFixtures.unique("Lead High"), true);
        Staff active = DirectoryFixtures.staff(StaffRole.SRO, null, agency, school);
        Staff gone = DirectoryFixtures.staff(StaffRole.COUNSELOR, district, null, school);
        QuarkusTransaction.requiringNew().run(() -> Staff.<Staff>findById(gone.id).enabled = false);
        String tip = submit(school.id.toString());

        List<String> offered = given().auth().oauth2(StaffTokens.sign(StaffTokens.claims(active.id, "SRO")))
                .get("/api/v1/staff/tips/" + tip + "/leads").then().statusCode(200).extract().jsonPath()
                .getList("staffId", String.class);
        assertThat(offered).contains(active.id.toString()).doesNotContain(gone.id.toString());
    }

    private static String id(String mailbox) {
        return StaffTokens.demoStaffId(mailbox).toString();
    }
}
