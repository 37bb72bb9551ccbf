package org.tipline.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.platform.Problem;
import org.tipline.support.DirectoryFixtures;

@QuarkusTest
class PublicDirectoryTest {

    private static final List<String> DEMO_SCHOOLS = List.of("Centennial Junior High School",
            "Evansville Elementary School", "Evansville Middle School", "Kelly Walsh High School", "Midwest School",
            "Natrona County High School", "Park Elementary School", "Poison Spider School");

    private static String demoDistrictId() {
        return DemoDirectory.id("district", DemoDirectory.DISTRICT_NAME).toString();
    }

    @Test
    void shouldListTheDemoSchoolsOfADistrictByName() {
        List<String> names = given().queryParam("district", demoDistrictId())
                .get("/api/v1/schools")
                .then().statusCode(200).contentType(startsWith("application/json"))
                .body("district.name", org.hamcrest.Matchers.everyItem(equalTo(DemoDirectory.DISTRICT_NAME)))
                .extract().jsonPath().getList("name", String.class);

        assertThat(names).containsExactlyElementsOf(DEMO_SCHOOLS);
    }

    @Test
    void shouldListSchoolsOfEveryDistrictWithoutFilter() {
        District other = DirectoryFixtures.district();
        School school = DirectoryFixtures.school(other, DirectoryFixtures.agency(), DirectoryFixtures.unique("Other High"), true);

        List<String> names = given().get("/api/v1/schools").then().statusCode(200)
                .extract().jsonPath().getList("name", String.class);

        assertThat(names).contains(school.name).containsAll(DEMO_SCHOOLS);
        assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }

    @Test
    void shouldFilterByDistrict() {
        District other = DirectoryFixtures.district();
        School school = DirectoryFixtures.school(other, DirectoryFixtures.agency(), DirectoryFixtures.unique("Filter High"), true);

        given().queryParam("district", other.id.toString()).get("/api/v1/schools")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", equalTo(school.id.toString()))
                .body("[0].district.id", equalTo(other.id.toString()))
                .body("[0].district.name", equalTo(other.name));
    }

    @Test
    void shouldListNothingForAnUnknownDistrict() {
        given().queryParam("district", UUID.randomUUID().toString()).get("/api/v1/schools")
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void shouldNotListOrServeAnInactiveSchool() {
        District other = DirectoryFixtures.district();
        School closed = DirectoryFixtures.school(other, DirectoryFixtures.agency(), DirectoryFixtures.unique("Closed High"), false);

        given().queryParam("district", other.id.toString()).get("/api/v1/schools")
                .then().statusCode(200).body("$", hasSize(0));
        given().get("/api/v1/schools/" + closed.id).then().statusCode(404).body("code", equalTo("unknown-school"));
    }

    @Test
    void shouldServeOneSchool() {
        String id = DemoDirectory.id("school", "Kelly Walsh High School").toString();

        given().get("/api/v1/schools/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo("Kelly Walsh High School"))
                .body("city", equalTo("Casper"))
                .body("level", equalTo("HIGH"))
                .body("district.id", equalTo(demoDistrictId()));
    }

    @Test
    void shouldAnswerUnknownSchoolWithProblem404() {
        given().get("/api/v1/schools/" + UUID.randomUUID())
                .then().statusCode(404).contentType(startsWith(Problem.MEDIA_TYPE))
                .body("code", equalTo("unknown-school"))
                .body("status", equalTo(404));
    }

    @Test
    void shouldAnswerMalformedSchoolIdWithProblem400() {
        given().get("/api/v1/schools/42")
                .then().statusCode(400).contentType(startsWith(Problem.MEDIA_TYPE))
                .body("code", equalTo("invalid-parameter"))
                .body("detail", containsString("'id'"));
    }

    @Test
    void shouldListEveryCategoryWithBothLabelsAndTheLifeSafetyFlag() {
        var categories = given().get("/api/v1/categories").then().statusCode(200)
                .body("$", hasSize(Category.values().length))
                .extract().jsonPath();

        assertThat(categories.getList("code", String.class))
                .containsExactlyElementsOf(Arrays.stream(Category.values()).map(Enum::name).toList());
        assertThat(categories.getList("label", String.class)).doesNotContainNull().doesNotContain("");
        assertThat(categories.getList("labelEs", String.class)).doesNotContainNull().doesNotContain("");
        assertThat(categories.getList("findAll { it.lifeSafety }.code", String.class))
                .containsExactlyInAnyOrder("SUICIDE_THREAT", "PLANNED_SCHOOL_ATTACK", "WEAPON");
        assertThat(categories.getString("find { it.code == 'BULLYING' }.labelEs"))
                .isEqualTo("Acoso escolar o ciberacoso");
    }
}
