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
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.tipline.directory.Agency;
import org.tipline.directory.Assignment;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;
import org.tipline.support.DirectoryFixtures;
import org.tipline.support.InvitationMails;
import org.tipline.support.Proofs;
import org.tipline.support.StaffTokens;

@QuarkusTest
class AssignmentImportTest {

    private static final String ADMIN = StaffTokens.forDemo("admin", "ADMIN");
    private static final String COORDINATOR = StaffTokens.forDemo("coordinator", "COORDINATOR");
    private static final String NATRONA = "Natrona County School District";
    private static final String HEADER = "email,school_nces_id,kind\r\n";

    private static ValidatableResponse importFile(String token, String kind, String csv, boolean dryRun) {
        return given().auth().oauth2(token).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/admin/import/" + kind + (dryRun ? "?dryRun=true" : "")).then();
    }

    /** A school with an NCES id in {@code district}, imported as an administrator would. */
    private static String school(String district, String agency) {
        String ncesId = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 1_000_000_000_000L));
        importFile(ADMIN, "schools", "nces_id,name,district,city,level,agency\n" + ncesId + ","
                + DirectoryFixtures.unique("Assigned High") + "," + district + ",Casper,HIGH," + agency + "\n", false).statusCode(200);
        return ncesId;
    }

    private static long assignments(Staff staff) {
        return QuarkusTransaction.requiringNew().call(() -> Assignment.count("staff.id", staff.id));
    }

    @Test
    void shouldAssignOnceSoThatTipsReachTheImportedOfficer() {
        District district = DirectoryFixtures.district();
        Agency agency = DirectoryFixtures.agency();
        String ncesId = school(district.name, agency.name);
        Staff sro = DirectoryFixtures.staff(StaffRole.SRO, null, agency, null);
        Staff counselor = DirectoryFixtures.staff(StaffRole.COUNSELOR, district, null, null);
        String csv = HEADER + sro.email + "," + ncesId + ",SRO\r\n" + counselor.email.toUpperCase() + "," + ncesId + ",COUNSELOR\r\n";

        importFile(ADMIN, "assignments", csv, true).statusCode(200).body("created", equalTo(2))
                .body("rows[0].matchedOn", equalTo(sro.email + " " + ncesId + " SRO"));
        assertThat(assignments(sro)).isZero();

        importFile(ADMIN, "assignments", csv, false).statusCode(200).body("created", equalTo(2));
        assertThat(assignments(sro)).isOne();
        assertThat(InvitationMails.textsTo(sro.email)).anyMatch(text -> text.contains("You were assigned to"));
        importFile(ADMIN, "assignments", csv, false).statusCode(200).body("unchanged", equalTo(2)).body("created", equalTo(0));

        String schoolId = QuarkusTransaction.requiringNew().call(() -> School.<School>find("ncesId", ncesId).firstResult().id.toString());
        given().contentType("application/json")
                .body(Map.of("schoolId", schoolId, "category", "DRUGS", "description", "Pills sold behind the gym.", "happeningNow", false))
                .header(Proofs.tip()).post("/api/v1/tips").then().statusCode(201);
        given().auth().oauth2(StaffTokens.sign(StaffTokens.claims(sro.id, "SRO"))).get("/api/v1/staff/queue").then()
                .statusCode(200).body("total", equalTo(1));
    }

    @Test
    void shouldRefuseAFileWithBadRowsWholeListingEveryOne() {
        District district = DirectoryFixtures.district();
        Agency agency = DirectoryFixtures.agency();
        String ncesId = school(district.name, agency.name);
        Staff sro = DirectoryFixtures.staff(StaffRole.SRO, null, agency, null);
        String csv = HEADER + sro.email + "," + ncesId + ",SRO\n"
                + "nobody@test.tipline.local," + ncesId + ",SRO\n"
                + sro.email + ",12345,SRO\n"
                + sro.email + "," + ncesId + ",COUNSELOR\n";
        List<Map<String, String>> errors = importFile(ADMIN, "assignments", csv, false).statusCode(400)
                .contentType("application/problem+json").extract().jsonPath().getList("errors");
        assertThat(errors).extracting(error -> error.get("field"))
                .containsExactly("row 3: email", "row 4: school_nces_id", "row 5: kind");
        assertThat(errors.get(2).get("message")).isEqualTo("must match the account's role (SRO)");
        assertThat(assignments(sro)).isZero();
    }

    @Test
    void shouldExportTheImportFormatSoThatReimportingChangesNothing() {
        District district = DirectoryFixtures.district();
        Agency agency = DirectoryFixtures.agency();
        String ncesId = school(district.name, agency.name);
        Staff sro = DirectoryFixtures.staff(StaffRole.SRO, null, agency, null);
        importFile(ADMIN, "assignments", HEADER + sro.email + "," + ncesId + ",SRO\n", false).statusCode(200);
        String exported = given().auth().oauth2(ADMIN).queryParam("district", district.name).get("/api/v1/admin/export/assignments")
                .then().statusCode(200).extract().asString();
        assertThat(exported).isEqualTo(HEADER + sro.email + "," + ncesId + ",SRO\r\n");
        importFile(ADMIN, "assignments", exported, false).statusCode(200).body("unchanged", equalTo(1)).body("created", equalTo(0));
    }

    @Test
    void shouldKeepACoordinatorToTheSchoolsOfTheirDistrict() {
        District other = DirectoryFixtures.district();
        String elsewhere = school(other.name, "Casper Police Department");
        String own = school(NATRONA, "Casper Police Department");
        Staff counselor = DirectoryFixtures.staff(StaffRole.COUNSELOR, QuarkusTransaction.requiringNew()
                .call(() -> District.<District>find("name", NATRONA).firstResult()), null, null);
        Staff sro = DirectoryFixtures.staff(StaffRole.SRO, null, DirectoryFixtures.agency(), null);

        importFile(COORDINATOR, "assignments", HEADER + sro.email + "," + elsewhere + ",SRO\n", false).statusCode(400)
                .body("errors[0].field", equalTo("row 2: school_nces_id"));
        assertThat(assignments(sro)).isZero();
        importFile(COORDINATOR, "assignments", HEADER + sro.email + "," + own + ",SRO\n" + counselor.email + "," + own + ",COUNSELOR\n",
                false).statusCode(200).body("created", equalTo(2));
        assertThat(given().auth().oauth2(COORDINATOR).get("/api/v1/admin/export/assignments").then().statusCode(200).extract()
                .asString()).contains(sro.email + "," + own + ",SRO\r\n").doesNotContain(elsewhere);
        // The demo district's public list stays as PublicDirectoryTest knows it.
        String ownId = QuarkusTransaction.requiringNew().call(() -> School.<School>find("ncesId", own).firstResult().id.toString());
        given().auth().oauth2(COORDINATOR).post("/api/v1/admin/schools/" + ownId + "/deactivate").then().statusCode(204);
    }
}
