package org.tipline.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.tipline.audit.AuditEvent;
import org.tipline.directory.Agency;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.support.DirectoryFixtures;
import org.tipline.support.StaffTokens;

@QuarkusTest
class DirectoryImportTest {

    private static final String ADMIN = StaffTokens.forDemo("admin", "ADMIN");
    private static final String COORDINATOR = StaffTokens.forDemo("coordinator", "COORDINATOR");
    private static final String NATRONA = "Natrona County School District";
    private static final String HEADER = "nces_id,name,district,city,level,agency\r\n";

    private static ValidatableResponse importFile(String token, String kind, String csv, boolean dryRun) {
        return given().auth().oauth2(token).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/admin/import/" + kind + (dryRun ? "?dryRun=true" : "")).then();
    }

    private static String export(String token, String kind) {
        return given().auth().oauth2(token).get("/api/v1/admin/export/" + kind).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
    }

    private static String ncesId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 1_000_000_000_000L));
    }

    private static School school(String ncesId) {
        return QuarkusTransaction.requiringNew().call(() -> School.<School>find("ncesId", ncesId).firstResult());
    }

    @Test
    void shouldAnswerADryRunWithoutChangingAnything() {
        String id = ncesId();
        String csv = HEADER + id + "," + DirectoryFixtures.unique("Dry Run High") + "," + NATRONA + ",Casper,HIGH,Casper Police Department\r\n";
        importFile(ADMIN, "schools", csv, true).statusCode(200).body("dryRun", equalTo(true)).body("created", equalTo(1))
                .body("rows[0].row", equalTo(2)).body("rows[0].matchedOn", equalTo(id)).body("rows[0].outcome", equalTo("created"));
        assertThat(school(id)).isNull();
    }

    @Test
    void shouldRefuseAFileWithBadRowsWholeListingEveryOne() {
        String good = ncesId();
        String csv = HEADER
                + good + "," + DirectoryFixtures.unique("Good School") + "," + NATRONA + ",Casper,HIGH,Casper Police Department\n"
                + "12345," + DirectoryFixtures.unique("Short Id School") + "," + NATRONA + ",Casper,HIGH,Casper Police Department\n"
                + ncesId() + "," + DirectoryFixtures.unique("Lost School") + ",Foo,Casper,HIGH,Casper Police Department\n"
                + ncesId() + "," + DirectoryFixtures.unique("Odd School") + "," + NATRONA + ",Casper,COLLEGE,Casper Police Department\n";
        List<Map<String, String>> errors = importFile(ADMIN, "schools", csv, false).statusCode(400)
                .contentType("application/problem+json").extract().jsonPath().getList("errors");
        assertThat(errors).containsExactly(
                Map.of("field", "row 3: nces_id", "message", "the 12-digit NCES school id"),
                Map.of("field", "row 4: district", "message", "no district named 'Foo'"),
                Map.of("field", "row 5: level", "message", "one of ELEMENTARY,JUNIOR_HIGH,HIGH,K12"));
        assertThat(school(good)).isNull();
    }

    @Test
    void shouldApplyAFileOnceAndChangeNothingTheSecondTime() {
        District district = DirectoryFixtures.district();
        Agency agency = DirectoryFixtures.agency();
        String first = ncesId();
        String second = ncesId();
        String csv = HEADER + first + ",North High," + district.name + ",Lander,HIGH," + agency.name + "\r\n"
                + second + ",\"South Elementary, East Campus\"," + district.name + ",Lander,ELEMENTARY," + agency.name + "\r\n";
        importFile(ADMIN, "schools", csv, false).statusCode(200).body("dryRun", equalTo(false)).body("created", equalTo(2));
        School created = school(second);
        assertThat(created.name).isEqualTo("South Elementary, East Campus");
        assertThat(created.active).isTrue();
        AuditEvent audit = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find("order by seq desc").firstResult());
        assertThat(audit.action).isEqualTo("DIRECTORY_IMPORTED");
        assertThat(audit.detail).isEqualTo("schools created=2 updated=0 unchanged=0");

        importFile(ADMIN, "schools", csv, false).statusCode(200).body("created", equalTo(0)).body("updated", equalTo(0))
                .body("unchanged", equalTo(2));

        java.util.UUID firstId = school(first).id;
        String moved = csv.replace("Lander,HIGH", "Riverton,HIGH");
        importFile(ADMIN, "schools", moved, false).statusCode(200).body("updated", equalTo(1)).body("unchanged", equalTo(1))
                .body("rows[0].outcome", equalTo("updated"));
        assertThat(school(first).city).isEqualTo("Riverton");
        assertThat(school(first).id).isEqualTo(firstId); // matched on its NCES id: the same school, moved
    }

    @Test
    void shouldExportTheImportFormatSoThatReimportingChangesNothing() {
        District district = DirectoryFixtures.district();
        Agency agency = DirectoryFixtures.agency();
        String formula = ncesId();
        String csv = HEADER + formula + ",=1+2 Academy," + district.name + ",@Home,K12," + agency.name + "\r\n"
                + ncesId() + ",\"Quoted \"\"Q\"\" School\"," + district.name + ",Casper,HIGH," + agency.name + "\r\n";
        importFile(ADMIN, "schools", csv, false).statusCode(200).body("created", equalTo(2));

        // One district's part: the whole state's export can outgrow the body limit (README).
        String exported = given().auth().oauth2(ADMIN).queryParam("district", district.name).get("/api/v1/admin/export/schools")
                .then().statusCode(200).extract().asString();
        assertThat(exported.split("\r\n")).hasSize(3);
        assertThat(exported).startsWith(HEADER)
                // a spreadsheet would run =1+2 as a formula: the export makes it text
                .contains(formula + ",'=1+2 Academy," + district.name + ",'@Home,K12," + agency.name + "\r\n")
                .contains(",\"Quoted \"\"Q\"\" School\",");
        int rows = exported.split("\r\n").length - 1;
        importFile(ADMIN, "schools", exported, false).statusCode(200).body("unchanged", equalTo(rows))
                .body("created", equalTo(0)).body("updated", equalTo(0));
        assertThat(school(formula).name).isEqualTo("=1+2 Academy");
    }

    @Test
    void shouldKeepACoordinatorInTheirDistrict() {
        District other = DirectoryFixtures.district();
        String elsewhere = ncesId();
        importFile(COORDINATOR, "schools", HEADER + elsewhere + ",Far School," + other.name + ",Cody,HIGH,Casper Police Department\n", false)
                .statusCode(400).body("errors[0].field", equalTo("row 2: district"))
                .body("errors[0].message", equalTo("not a district you administer"));
        assertThat(school(elsewhere)).isNull();

        importFile(ADMIN, "schools", HEADER + elsewhere + ",Far School," + other.name + ",Cody,HIGH,Casper Police Department\n", false)
                .statusCode(200);
        importFile(COORDINATOR, "schools", HEADER + elsewhere + ",Far School," + NATRONA + ",Casper,HIGH,Casper Police Department\n", false)
                .statusCode(400).body("errors[0].field", equalTo("row 2: nces_id"));
        assertThat(export(COORDINATOR, "schools")).doesNotContain(elsewhere);

        String own = ncesId();
        importFile(COORDINATOR, "schools", HEADER + own + "," + DirectoryFixtures.unique("Own School") + "," + NATRONA
                + ",Casper,HIGH,Casper Police Department\n", false).statusCode(200).body("created", equalTo(1));
        assertThat(export(COORDINATOR, "schools")).contains(own);
        // The demo district's public list stays as PublicDirectoryTest knows it.
        given().auth().oauth2(COORDINATOR).post("/api/v1/admin/schools/" + school(own).id + "/deactivate").then().statusCode(204);
    }

    @Test
    void shouldTakeAStatewideSchoolFileWithinTheBodyLimit() {
        District district = DirectoryFixtures.district();
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 360; i++) {
            // Long, realistic rows: names and cities as long as Wyoming's longest, in a district named like a test's.
            csv.append(ncesId()).append(",Thunder Basin Elementary and Junior High School ").append(i).append(',')
                    .append(district.name).append(",Fort Washakie,JUNIOR_HIGH,Natrona County Sheriff's Office\r\n");
        }
        assertThat(csv.toString().getBytes(StandardCharsets.UTF_8).length).isLessThan(64 * 1024);
        importFile(ADMIN, "schools", csv.toString(), false).statusCode(200).body("created", equalTo(360));
    }

    @Test
    void shouldAnswerEveryRefusalAsAProblem() {
        importFile(ADMIN, "pupils", HEADER, false).statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).get("/api/v1/admin/export/pupils").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).contentType("application/json").body("{}").post("/api/v1/admin/import/schools").then()
                .statusCode(415).contentType("application/problem+json");
        importFile(ADMIN, "schools", "name,nces_id\n", false).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("header"));
        importFile(ADMIN, "schools", "", false).statusCode(400).body("errors[0].field", equalTo("header"));
        importFile(ADMIN, "schools", HEADER + "\"unclosed,a,b,c,d,e\n", false).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        importFile(ADMIN, "schools", HEADER + "1,2,3\n", false).statusCode(400)
                .body("errors[0].field", equalTo("row 2")).body("errors[0].message", equalTo("expected 6 cells, found 3"));
        given().auth().oauth2(ADMIN).contentType("text/csv").body(new byte[] { 'n', (byte) 0xC3, '(' })
                .post("/api/v1/admin/import/schools").then().statusCode(400).body("errors[0].field", equalTo("body"));
        importFile(ADMIN, "schools", HEADER, false).statusCode(200).body("created", equalTo(0));
        given().auth().oauth2(StaffTokens.forDemo("analyst", "ANALYST")).get("/api/v1/admin/export/schools").then()
                .statusCode(403).contentType("application/problem+json");
    }
}
