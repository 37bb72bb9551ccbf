package org.tipline.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.directory.Agency;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;
import org.tipline.support.DirectoryFixtures;
import org.tipline.support.StaffTokens;

/** The lists the console's administration pages show: agencies and assignments, each in the caller's reach. */
@QuarkusTest
class DirectoryListsTest {

    private static final String ADMIN = StaffTokens.forDemo("admin", "ADMIN");
    private static final String COORDINATOR = StaffTokens.forDemo("coordinator", "COORDINATOR");
    private static final String KELLY_WALSH = UUID.nameUUIDFromBytes("tipline-demo:school:Kelly Walsh High School".getBytes())
            .toString();

    private static JsonPath list(String token, String path) {
        return given().auth().oauth2(token).get("/api/v1/admin/" + path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldListAgenciesWithTheirMobileNumbersForAdministratorsOnly() {
        String name = DirectoryFixtures.unique("Listed Police");
        String id = given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("name", name, "kind", "TOWN_POLICE", "onCallEmail", "oncall@test.tipline.local",
                        "supervisorEmail", "boss@test.tipline.local", "onCallMobile", "+13075550111",
                        "supervisorMobile", "+13075550122"))
                .post("/api/v1/admin/agencies").then().statusCode(201).extract().path("id");

        String mine = "find { it.id == '" + id + "' }";
        JsonPath admin = list(ADMIN, "agencies");
        assertThat(admin.getString(mine + ".name")).isEqualTo(name);
        assertThat(admin.getString(mine + ".onCallMobile")).isEqualTo("+13075550111");
        assertThat(admin.getString(mine + ".supervisorMobile")).isEqualTo("+13075550122");
        String coordinatorView = given().auth().oauth2(COORDINATOR).get("/api/v1/admin/agencies").then().statusCode(200)
                .extract().asString();
        assertThat(JsonPath.from(coordinatorView).getString(mine + ".name")).as("coordinators pick agencies for schools")
                .isEqualTo(name);
        assertThat(coordinatorView).doesNotContain("+13075550111", "+13075550122");
        given().auth().oauth2(StaffTokens.forDemo("sro.kwhs", "SRO")).get("/api/v1/admin/agencies").then().statusCode(403);
        given().get("/api/v1/admin/agencies").then().statusCode(401);
    }

    @Test
    void shouldListAssignmentsOfTheSchoolsTheCallerAdministers() {
        District other = DirectoryFixtures.district();
        Agency agency = DirectoryFixtures.agency();
        School far = DirectoryFixtures.school(other, agency, DirectoryFixtures.unique("Assigned High"), true);
        Staff sro = DirectoryFixtures.staff(StaffRole.SRO, null, agency, far);
        String kellyWalshSro = StaffTokens.demoStaffId("sro.kwhs").toString();

        JsonPath admin = list(ADMIN, "assignments");
        assertThat(admin.getString("find { it.staffId == '" + sro.id + "' }.schoolId")).isEqualTo(far.id.toString());
        assertThat(admin.getString("find { it.staffId == '" + sro.id + "' }.kind")).isEqualTo("SRO");
        assertThat(admin.getString("find { it.staffId == '" + kellyWalshSro + "' }.schoolId")).isEqualTo(KELLY_WALSH);
        JsonPath coordinator = list(COORDINATOR, "assignments");
        assertThat(coordinator.getList("staffId", String.class)).contains(kellyWalshSro).doesNotContain(sro.id.toString());
        assertThat(coordinator.getList("schoolId", String.class)).doesNotContain(far.id.toString());
        given().auth().oauth2(StaffTokens.forDemo("analyst", "ANALYST")).get("/api/v1/admin/assignments").then().statusCode(403);
        given().get("/api/v1/admin/assignments").then().statusCode(401);
    }
}
