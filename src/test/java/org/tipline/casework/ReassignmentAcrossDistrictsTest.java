package org.tipline.casework;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.directory.Agency;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.support.DirectoryFixtures;
import org.tipline.support.StaffTokens;

/**
 * Staff move tips within their district; only analysts move them across, and the tip's audit trail stays
 * visible to the coordinator of every district it passed through.
 */
@QuarkusTest
class ReassignmentAcrossDistrictsTest {

    private static final String NATRONA = UUID.nameUUIDFromBytes("tipline-demo:school:Natrona County High School".getBytes()).toString();
    private static final String SRO = StaffTokens.forDemo("sro.kwhs", "SRO");
    private static final String COORDINATOR = StaffTokens.forDemo("coordinator", "COORDINATOR");
    private static final String ANALYST = StaffTokens.forDemo("analyst", "ANALYST");

    private static String schoolOfAnotherDistrict() {
        District district = DirectoryFixtures.district();
        Agency agency = DirectoryFixtures.agency();
        School school = DirectoryFixtures.school(district, agency, DirectoryFixtures.unique("Other District High"), true);
        return school.id.toString();
    }

    private static io.restassured.response.ValidatableResponse reassign(String token, String tip, String schoolId) {
        return given().auth().oauth2(token).contentType("application/json").body(Map.of("schoolId", schoolId))
                .post("/api/v1/staff/tips/" + tip + "/reassign").then();
    }

    @Test
    void shouldRefuseAnSroMovingATipToAnotherDistrict() {
        String tip = CaseTips.newKellyWalshTip();

        reassign(SRO, tip, schoolOfAnotherDistrict()).statusCode(400).body("errors[0].field", equalTo("schoolId"));
        given().auth().oauth2(SRO).get("/api/v1/staff/tips/" + tip).then().statusCode(200);
    }

    @Test
    void shouldRefuseACoordinatorMovingATipToAnotherDistrict() {
        String tip = CaseTips.newKellyWalshTip();

        reassign(COORDINATOR, tip, schoolOfAnotherDistrict()).statusCode(400);
    }

    @Test
    void shouldStillLetStaffMoveATipWithinTheirDistrict() {
        reassign(SRO, CaseTips.newKellyWalshTip(), NATRONA).statusCode(204);
    }

    @Test
    void shouldKeepTheAuditOfATipTheAnalystMovedAwayVisibleToTheFormerDistrict() {
        String tip = CaseTips.newKellyWalshTip();
        given().auth().oauth2(SRO).get("/api/v1/staff/tips/" + tip).then().statusCode(200);

        reassign(ANALYST, tip, schoolOfAnotherDistrict()).statusCode(204);

        given().auth().oauth2(COORDINATOR).get("/api/v1/staff/tips/" + tip).then().statusCode(404);
        given().auth().oauth2(COORDINATOR).queryParam("tip", tip).get("/api/v1/audit").then().statusCode(200)
                .body("total", greaterThan(1)).body("items.action", hasItem("TIP_REASSIGNED")).body("items.action", hasItem("TIP_READ"));
    }
}
