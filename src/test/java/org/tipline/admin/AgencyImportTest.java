package org.tipline.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tipline.directory.Agency;
import org.tipline.directory.AgencyKind;
import org.tipline.support.DirectoryFixtures;
import org.tipline.support.StaffTokens;

@QuarkusTest
class AgencyImportTest {

    private static final String ADMIN = StaffTokens.forDemo("admin", "ADMIN");
    private static final String COORDINATOR = StaffTokens.forDemo("coordinator", "COORDINATOR");
    private static final String HEADER = "name,kind,on_call_email,supervisor_email\r\n";

    private static ValidatableResponse importFile(String token, String csv, boolean dryRun) {
        return given().auth().oauth2(token).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/admin/import/agencies" + (dryRun ? "?dryRun=true" : "")).then();
    }

    private static Agency agency(String name) {
        return QuarkusTransaction.requiringNew().call(() -> Agency.<Agency>find("name", name).firstResult());
    }

    @Test
    void shouldAnswerADryRunWithoutChangingAnything() {
        String name = DirectoryFixtures.unique("Dry Creek Police");
        importFile(ADMIN, HEADER + name + ",TOWN_POLICE,oncall@dry.example,chief@dry.example\r\n", true).statusCode(200)
                .body("dryRun", equalTo(true)).body("created", equalTo(1)).body("rows[0].matchedOn", equalTo(name))
                .body("rows[0].outcome", equalTo("created"));
        assertThat(agency(name)).isNull();
    }

    @Test
    void shouldRefuseAFileWithBadRowsWholeListingEveryOne() {
        String good = DirectoryFixtures.unique("Good Police");
        String csv = HEADER + good + ",CITY_POLICE,oncall@good.example,chief@good.example\n"
                + DirectoryFixtures.unique("Bad Kind") + ",MILITIA,oncall@bad.example,chief@bad.example\n"
                + DirectoryFixtures.unique("Bad Mail") + ",STATE,not-an-address,chief@bad.example\n"
                + ",STATE,oncall@bad.example,chief@bad.example\n";
        List<Map<String, String>> errors = importFile(ADMIN, csv, false).statusCode(400).contentType("application/problem+json")
                .extract().jsonPath().getList("errors");
        assertThat(errors).extracting(error -> error.get("field"))
                .containsExactly("row 3: kind", "row 4: on_call_email", "row 5: name");
        assertThat(errors.get(0).get("message")).isEqualTo("one of CITY_POLICE,COUNTY_SHERIFF,TOWN_POLICE,STATE");
        assertThat(agency(good)).isNull();
    }

    @Test
    void shouldApplyAFileOnceChangeNothingTheSecondTimeAndKeepTheMobiles() {
        String name = DirectoryFixtures.unique("Lander Police");
        String csv = HEADER + name + ",CITY_POLICE,oncall@lander.example,chief@lander.example\r\n";
        importFile(ADMIN, csv, false).statusCode(200).body("created", equalTo(1));
        Agency created = agency(name);
        assertThat(created.kind).isEqualTo(AgencyKind.CITY_POLICE);
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("onCallMobile", "+13075550142"))
                .put("/api/v1/admin/agencies/" + created.id + "/mobiles").then().statusCode(200);

        importFile(ADMIN, csv, false).statusCode(200).body("unchanged", equalTo(1)).body("created", equalTo(0));
        importFile(ADMIN, csv.replace("chief@lander", "sergeant@lander").replace(name, name.toUpperCase()), false)
                .statusCode(200).body("updated", equalTo(1));
        Agency updated = agency(name.toUpperCase());
        assertThat(updated.id).isEqualTo(created.id); // matched on the name, whatever its case
        assertThat(updated.supervisorEmail).isEqualTo("sergeant@lander.example");
        assertThat(updated.onCallMobile).isEqualTo("+13075550142");
    }

    @Test
    void shouldExportTheImportFormatSoThatReimportingChangesNothing() {
        String name = DirectoryFixtures.unique("-Minus Sheriff");
        importFile(ADMIN, HEADER + name + ",COUNTY_SHERIFF,desk@minus.example,sheriff@minus.example\r\n", false).statusCode(200);
        String exported = given().auth().oauth2(ADMIN).get("/api/v1/admin/export/agencies").then().statusCode(200).extract().asString();
        assertThat(exported).startsWith(HEADER).contains("'" + name + ",COUNTY_SHERIFF,desk@minus.example,sheriff@minus.example\r\n")
                .contains("Casper Police Department,CITY_POLICE,");
        int rows = exported.split("\r\n").length - 1;
        importFile(ADMIN, exported, false).statusCode(200).body("unchanged", equalTo(rows)).body("created", equalTo(0))
                .body("updated", equalTo(0));
        assertThat(agency(name)).isNotNull();
    }

    @Test
    void shouldLeaveAgenciesToAdministrators() {
        String name = DirectoryFixtures.unique("Coordinator Police");
        importFile(COORDINATOR, HEADER + name + ",TOWN_POLICE,a@b.example,c@d.example\n", false).statusCode(403)
                .contentType("application/problem+json");
        importFile(COORDINATOR, "not even the header\n", true).statusCode(403);
        given().auth().oauth2(COORDINATOR).get("/api/v1/admin/export/agencies").then().statusCode(403);
        assertThat(agency(name)).isNull();
    }
}
