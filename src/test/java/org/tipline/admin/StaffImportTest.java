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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.directory.Agency;
import org.tipline.directory.District;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;
import org.tipline.support.DirectoryFixtures;
import org.tipline.support.InvitationMails;
import org.tipline.support.StaffTokens;

@QuarkusTest
class StaffImportTest {

    private static final String ADMIN = StaffTokens.forDemo("admin", "ADMIN");
    private static final String COORDINATOR = StaffTokens.forDemo("coordinator", "COORDINATOR");
    private static final String NATRONA = "Natrona County School District";
    private static final String HEADER = "email,name,role,district,agency\r\n";

    private static ValidatableResponse importFile(String token, String csv, boolean dryRun) {
        return given().auth().oauth2(token).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/admin/import/staff" + (dryRun ? "?dryRun=true" : "")).then();
    }

    private static String email(String who) {
        return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@test.tipline.local";
    }

    private static Staff account(String email) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Staff staff = Staff.<Staff>find("email", email).firstResult();
            if (staff != null && staff.district != null) {
                staff.district.name.length(); // loaded while the session is open
            }
            return staff;
        });
    }

    @Test
    void shouldAnswerADryRunWithoutCreatingOrInvitingAnyone() {
        String email = email("dry");
        importFile(ADMIN, HEADER + email + ",Dry Run Counselor,COUNSELOR," + NATRONA + ",\r\n", true).statusCode(200)
                .body("created", equalTo(1)).body("rows[0].matchedOn", equalTo(email)).body("rows[0].outcome", equalTo("created"));
        assertThat(account(email)).isNull();
        assertThat(InvitationMails.textsTo(email)).isEmpty();
    }

    @Test
    void shouldRefuseAFileWithBadRowsWholeListingEveryOne() {
        String good = email("good");
        String csv = HEADER + good + ",Good Counselor,COUNSELOR," + NATRONA + ",\n"
                + "not-an-address,Bad Mail,COUNSELOR," + NATRONA + ",\n"
                + email("sro") + ",Bad SRO,SRO,,No Such Police\n"
                + email("analyst") + ",New Analyst,ANALYST,,\n";
        List<Map<String, String>> errors = importFile(ADMIN, csv, false).statusCode(400).contentType("application/problem+json")
                .extract().jsonPath().getList("errors");
        assertThat(errors).extracting(error -> error.get("field")).containsExactly("row 3: email", "row 4: agency", "row 5: role");
        assertThat(errors.get(1).get("message")).isEqualTo("no agency named 'No Such Police'");
        assertThat(errors.get(2).get("message")).startsWith("an analyst account waits for a second administrator");
        assertThat(account(good)).isNull();
    }

    @Test
    void shouldCreateAccountsWithInvitationsOnceAndChangeNothingTheSecondTime() {
        District district = DirectoryFixtures.district();
        Agency agency = DirectoryFixtures.agency();
        String counselor = email("counselor");
        String sro = email("sro");
        String csv = HEADER + counselor + ",Pat Counselor,COUNSELOR," + district.name + ",\r\n"
                + sro + ",Sam Officer,SRO,," + agency.name + "\r\n";
        importFile(ADMIN, csv, false).statusCode(200).body("created", equalTo(2));
        assertThat(account(counselor).passwordHash).isNull();
        assertThat(InvitationMails.tokenFor(counselor)).isNotBlank();
        assertThat(InvitationMails.tokenFor(sro)).isNotBlank();
        assertThat(account(sro).role).isEqualTo(StaffRole.SRO);

        importFile(ADMIN, csv, false).statusCode(200).body("unchanged", equalTo(2)).body("created", equalTo(0));
        importFile(ADMIN, csv.replace("Pat Counselor", "Pat Q. Counselor"), false).statusCode(200).body("updated", equalTo(1));
        assertThat(account(counselor).displayName).isEqualTo("Pat Q. Counselor");

        importFile(ADMIN, csv.replace(counselor + ",Pat Counselor,COUNSELOR", counselor + ",Pat Counselor,COORDINATOR"), false)
                .statusCode(400).body("errors[0].field", equalTo("row 2: role"));
        importFile(ADMIN, csv.replace(district.name, NATRONA), false).statusCode(400)
                .body("errors[0].field", equalTo("row 2: district"));
    }

    @Test
    void shouldExportTheImportFormatSoThatReimportingChangesNothing() {
        District district = DirectoryFixtures.district();
        String coordinator = email("coordinator");
        importFile(ADMIN, HEADER + coordinator + ",=Formula Coordinator,COORDINATOR," + district.name + ",\r\n"
                + email("counselor") + ",\"Lee, Counselor\",COUNSELOR," + district.name + ",\r\n", false).statusCode(200);
        String exported = given().auth().oauth2(ADMIN).queryParam("district", district.name).get("/api/v1/admin/export/staff")
                .then().statusCode(200).extract().asString();
        assertThat(exported).startsWith(HEADER)
                .contains(coordinator + ",'=Formula Coordinator,COORDINATOR," + district.name + ",\r\n")
                .contains(",\"Lee, Counselor\",COUNSELOR,");
        assertThat(exported.split("\r\n")).hasSize(3);
        importFile(ADMIN, exported, false).statusCode(200).body("unchanged", equalTo(2)).body("created", equalTo(0))
                .body("updated", equalTo(0));
        assertThat(account(coordinator).displayName).isEqualTo("=Formula Coordinator");
    }

    @Test
    void shouldKeepACoordinatorInTheirDistrict() {
        District other = DirectoryFixtures.district();
        String elsewhere = email("elsewhere");
        String sro = email("sro");
        importFile(COORDINATOR, HEADER + elsewhere + ",Far Counselor,COUNSELOR," + other.name + ",\n"
                + sro + ",Their SRO,SRO,,Casper Police Department\n", false).statusCode(400)
                .body("errors[0].field", equalTo("row 2: district")).body("errors[0].message", equalTo("not a district you administer"))
                .body("errors[1].field", equalTo("row 3: role"));
        assertThat(account(elsewhere)).isNull();
        given().auth().oauth2(COORDINATOR).queryParam("district", other.name).get("/api/v1/admin/export/staff").then()
                .statusCode(404);

        String own = email("own");
        importFile(COORDINATOR, HEADER + own + ",Own Counselor,COUNSELOR," + NATRONA + ",\n", false).statusCode(200)
                .body("created", equalTo(1));
        assertThat(InvitationMails.tokenFor(own)).isNotBlank();
        importFile(COORDINATOR, HEADER + "sro.kwhs@demo.tipline.local,Renamed SRO,SRO,,Casper Police Department\n", false)
                .statusCode(400).body("errors[0].field", equalTo("row 2: email"));
    }
}
