package org.tipline.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tipline.directory.Agency;
import org.tipline.directory.Assignment;
import org.tipline.directory.AssignmentKind;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;
import org.tipline.support.DirectoryFixtures;
import org.tipline.support.InvitationMails;
import org.tipline.support.Mailbox;
import org.tipline.support.StaffTokens;
import org.tipline.support.Proofs;

/**
 * The account lifecycle attacked the way it was found attackable (issue 12): a coordinator who assigns another
 * district's SRO to one of their schools, resets the account, signs in as the SRO and reads the other district's
 * tips; and an administrator who makes or resets an analyst to read every tip. Each chain must break, and nobody but
 * an account's owner ever receives a way in.
 */
@QuarkusTest
class AccountTakeoverTest {

    private static final String KELLY_WALSH = UUID.nameUUIDFromBytes("tipline-demo:school:Kelly Walsh High School".getBytes()).toString();
    private static final String COORDINATOR = StaffTokens.forDemo("coordinator", "COORDINATOR");
    private static final String ADMIN = StaffTokens.forDemo("admin", "ADMIN");

    @BeforeEach
    void clearMail() {
        Mailbox.clear();
    }

    private static ValidatableResponse admin(String token, String method, String path, Object body) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        return request.request(method, "/api/v1/admin" + path).then();
    }

    /** An SRO of another district, serving one of its schools, and a tip of that school. */
    private record ForeignSro(Staff sro, School school) {
    }

    private static ForeignSro foreignSro() {
        District district = DirectoryFixtures.district();
        Agency agency = DirectoryFixtures.agency();
        School school = DirectoryFixtures.school(district, agency, DirectoryFixtures.unique("Far Away High"), true);
        Staff sro = DirectoryFixtures.staff(StaffRole.SRO, null, agency, school);
        given().contentType("application/json").body(Map.of("schoolId", school.id.toString(), "category", "DRUGS",
                "description", "Selling pills behind the gym.", "happeningNow", false)).header(Proofs.tip()).post("/api/v1/tips").then().statusCode(201);
        return new ForeignSro(sro, school);
    }

    private static void cannotSignIn(String email) {
        given().contentType("application/json").body(Map.of("email", email, "password", "anything at all 123"))
                .post("/api/v1/auth/login").then().statusCode(401);
        assertThat(InvitationMails.textsTo(email)).noneMatch(text -> text.contains("/console/invitation#"));
    }

    @Test
    void shouldBreakTheChainAssignResetSignInRead() {
        ForeignSro foreign = foreignSro();
        String sro = foreign.sro().id.toString();

        // Assigning any active SRO to one's own school stays allowed ...
        admin(COORDINATOR, "PUT", "/staff/" + sro + "/assignments/" + KELLY_WALSH, Map.of("kind", "SRO", "primary", false))
                .statusCode(204);
        // ... but gives no power over the account, whose home is its agency.
        admin(COORDINATOR, "POST", "/staff/" + sro + "/reset", null).statusCode(403)
                .body("code", equalTo("account-not-manageable")).body("$", not(hasKey("temporaryPassword")));
        admin(COORDINATOR, "PUT", "/staff/" + sro + "/email", Map.of("email", "attacker@example.org")).statusCode(403);
        admin(COORDINATOR, "POST", "/staff/" + sro + "/disable", null).statusCode(403);
        admin(COORDINATOR, "DELETE", "/staff/" + sro + "/assignments/" + KELLY_WALSH, null).statusCode(204);

        cannotSignIn(foreign.sro().email);
        cannotSignIn("attacker@example.org");
        Staff after = QuarkusTransaction.requiringNew().call(() -> Staff.findById(foreign.sro().id));
        assertThat(after.email).isEqualTo(foreign.sro().email);
        assertThat(after.enabled).isTrue();
    }

    @Test
    void shouldNotLetACoordinatorManageAnSroSharedWithAnotherDistrict() {
        ForeignSro foreign = foreignSro();
        QuarkusTransaction.requiringNew().run(() -> Assignment.of(Staff.findById(foreign.sro().id),
                School.findById(UUID.fromString(KELLY_WALSH)), AssignmentKind.SRO, false).persist());
        try {
            admin(COORDINATOR, "POST", "/staff/" + foreign.sro().id + "/reset", null).statusCode(403);
            admin(COORDINATOR, "POST", "/staff/" + foreign.sro().id + "/disable", null).statusCode(403);
            cannotSignIn(foreign.sro().email);
        } finally {
            // Other tests count Kelly Walsh's recipients.
            QuarkusTransaction.requiringNew().run(() -> Assignment.delete("staff.id = ?1", foreign.sro().id));
        }
    }

    @Test
    void shouldNotLetACoordinatorManageTheirOwnDistrictsSroEither() {
        admin(COORDINATOR, "POST", "/staff/" + StaffTokens.demoStaffId("sro.kwhs") + "/reset", null).statusCode(403);
        admin(COORDINATOR, "POST", "/staff", Map.of("email", DirectoryFixtures.unique("sro").replace(' ', '.') + "@test.tipline.local",
                "displayName", "SRO", "role", "SRO", "agencyId", UUID.nameUUIDFromBytes(
                        "tipline-demo:agency:Casper Police Department".getBytes()).toString())).statusCode(403);
    }

    @Test
    void shouldGiveACoordinatorsNewCounselorsPasswordOnlyToTheCounselor() {
        String district = UUID.nameUUIDFromBytes("tipline-demo:district:Natrona County School District".getBytes()).toString();
        String email = DirectoryFixtures.unique("counselor").replace(' ', '.') + "@test.tipline.local";

        admin(COORDINATOR, "POST", "/staff", Map.of("email", email, "displayName", "Counselor (test)", "role", "COUNSELOR",
                "districtId", district)).statusCode(201).body("$", not(hasKey("temporaryPassword")))
                .body("staff.email", equalTo(email));

        assertThat(Mailbox.recipients()).isEmpty(); // nothing before the outbox runs, and then only to the counselor
        String password = InvitationMails.acceptAs(email);
        assertThat(Mailbox.recipients()).containsOnly(email);
        given().contentType("application/json").body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200);
    }

    @Test
    void shouldMakeAnAnalystOnlyWithASecondAdministrator() {
        Staff secondAdmin = DirectoryFixtures.staff(StaffRole.ADMIN, null, null, null);
        String second = StaffTokens.sign(StaffTokens.claims(secondAdmin.id, "ADMIN"));
        String email = DirectoryFixtures.unique("analyst").replace(' ', '.') + "@test.tipline.local";

        String approval = admin(ADMIN, "POST", "/staff", Map.of("email", email, "displayName", "Analyst (test)", "role", "ANALYST"))
                .statusCode(202).body("status", equalTo("PENDING")).extract().path("id");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Staff.count("email", email))).isZero();
        admin(ADMIN, "POST", "/approvals/" + approval + "/approve", null).statusCode(409).body("code", equalTo("approval-refused"));
        InvitationMails.deliver();
        assertThat(Mailbox.recipients()).contains("analyst-desk@demo.tipline.local").doesNotContain(email);

        admin(COORDINATOR, "GET", "/approvals", null).statusCode(403);
        admin(COORDINATOR, "POST", "/approvals/" + approval + "/approve", null).statusCode(403);
        admin(second, "GET", "/approvals", null).statusCode(200).body("id", org.hamcrest.Matchers.hasItem(approval));
        admin(second, "POST", "/approvals/" + approval + "/approve", null).statusCode(200).body("staff.email", equalTo(email))
                .body("$", not(hasKey("temporaryPassword")));
        admin(second, "POST", "/approvals/" + approval + "/approve", null).statusCode(409);
        InvitationMails.tokenFor(email);
        assertThat(Mailbox.recipients()).doesNotContain("admin@demo.tipline.local");
    }

    @Test
    void shouldNotLetAnAdministratorAloneResetOrReMailTheAnalyst() {
        String analyst = StaffTokens.demoStaffId("analyst").toString();

        admin(ADMIN, "POST", "/staff/" + analyst + "/reset", null).statusCode(202).body("action", equalTo("RESET_ANALYST"));
        admin(ADMIN, "PUT", "/staff/" + analyst + "/email", Map.of("email", "admins-own@example.org")).statusCode(202);

        given().auth().oauth2(StaffTokens.forDemo("analyst", "ANALYST")).get("/api/v1/staff/me").then().statusCode(200);
        cannotSignIn("admins-own@example.org");
        assertThat(Mailbox.recipients()).contains("analyst-desk@demo.tipline.local");
    }

    @Test
    void shouldNotLetACoordinatorManageAccountsOutsideTheirDistrictOrAboveThem() {
        District other = DirectoryFixtures.district();
        Staff counselor = DirectoryFixtures.staff(StaffRole.COUNSELOR, other, null, null);

        admin(COORDINATOR, "POST", "/staff/" + counselor.id + "/reset", null).statusCode(403);
        admin(COORDINATOR, "POST", "/staff/" + StaffTokens.demoStaffId("analyst") + "/disable", null).statusCode(403);
        admin(COORDINATOR, "POST", "/staff/" + StaffTokens.demoStaffId("admin") + "/reset", null).statusCode(403);
    }
}
