package org.tipline.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.directory.Agency;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;
import org.tipline.support.DirectoryFixtures;
import org.tipline.support.ExternalOidc;
import org.tipline.support.OidcProvider;
import org.tipline.support.StaffTokens;
import org.tipline.support.Proofs;

/**
 * Mode {@code external-oidc}: tokens of the organisation's provider (played by {@link OidcProvider}, with a
 * real JWKS over HTTP) sign staff in; the account is found by email and gives the role and scope.
 */
@QuarkusTest
@TestProfile(ExternalOidc.class)
class ExternalIssuerTest {

    private static final String SRO_EMAIL = "sro.kwhs@demo.tipline.local";

    private static int meStatus(String token) {
        return given().auth().oauth2(token).get("/api/v1/staff/me").then().extract().statusCode();
    }

    @Test
    void shouldSignInTheStaffMemberTheTokensEmailNamesWhateverItsCase() {
        String token = OidcProvider.sign(OidcProvider.claims("SRO.KWHS@Demo.Tipline.Local"));

        given().auth().oauth2(token).get("/api/v1/staff/me").then().statusCode(200)
                .body("id", equalTo(StaffTokens.demoStaffId("sro.kwhs").toString()))
                .body("email", equalTo(SRO_EMAIL))
                .body("role", equalTo("SRO"));
    }

    @Test
    void shouldShowTheQueueOfTheAccountsScope() {
        District district = DirectoryFixtures.district();
        Agency agency = DirectoryFixtures.agency();
        School mine = DirectoryFixtures.school(district, agency, DirectoryFixtures.unique("Own School"), true);
        School other = DirectoryFixtures.school(district, agency, DirectoryFixtures.unique("Other School"), true);
        Staff sro = DirectoryFixtures.staff(StaffRole.SRO, null, agency, mine);
        String inScope = submitTip(mine.id);
        String outOfScope = submitTip(other.id);

        List<String> references = given().auth().oauth2(OidcProvider.sign(OidcProvider.claims(sro.email)))
                .get("/api/v1/staff/queue?size=100").then().statusCode(200)
                .extract().jsonPath().getList("items.reference", String.class);

        assertThat(references).containsExactly(inScope);
        assertThat(references).doesNotContain(outOfScope);
    }

    @Test
    void shouldRefuseTokensTheProviderDidNotSign() {
        String otherKey = OidcProvider.sign(OidcProvider.claims(SRO_EMAIL), OidcProvider.rsaKeyPair().getPrivate());
        String builtInToken = StaffTokens.forDemo("sro.kwhs", "SRO");

        assertThat(meStatus(otherKey)).isEqualTo(401);
        assertThat(meStatus(builtInToken)).isEqualTo(401);
    }

    @Test
    void shouldRefuseTokensOfAnotherIssuerOrAudienceOrPastTheirExpiry() {
        Instant hourAgo = Instant.now().minusSeconds(3600);

        assertThat(meStatus(OidcProvider.sign(OidcProvider.claims(SRO_EMAIL).issuer("https://idp.elsewhere.test")))).isEqualTo(401);
        assertThat(meStatus(OidcProvider.sign(OidcProvider.claims(SRO_EMAIL).audience("another-application")))).isEqualTo(401);
        assertThat(meStatus(OidcProvider.sign(OidcProvider.claims(SRO_EMAIL).issuedAt(hourAgo)
                .expiresAt(hourAgo.plusSeconds(300))))).isEqualTo(401);
    }

    @Test
    void shouldRefuseTokensThatNameNoKnownVerifiedEmail() {
        assertThat(meStatus(OidcProvider.sign(OidcProvider.claims("nobody." + UUID.randomUUID() + "@test.tipline.local"))))
                .isEqualTo(401);
        assertThat(meStatus(OidcProvider.sign(OidcProvider.claims(SRO_EMAIL).remove("email")))).isEqualTo(401);
        assertThat(meStatus(OidcProvider.sign(OidcProvider.claims(SRO_EMAIL).claim("email_verified", false)))).isEqualTo(401);
        assertThat(meStatus(OidcProvider.sign(OidcProvider.claims(SRO_EMAIL).claim("email_verified", true)))).isEqualTo(200);
    }

    @Test
    void shouldRefuseADisabledAccount() {
        Staff staff = DirectoryFixtures.staff(StaffRole.ANALYST, null, null, null);
        String token = OidcProvider.sign(OidcProvider.claims(staff.email));
        assertThat(meStatus(token)).isEqualTo(200);

        QuarkusTransaction.requiringNew().run(() -> Staff.<Staff>findById(staff.id).enabled = false);

        assertThat(meStatus(token)).isEqualTo(401);
    }

    @Test
    void shouldRefuseTokensIssuedBeforeSignOutEverywhere() {
        Staff staff = DirectoryFixtures.staff(StaffRole.ANALYST, null, null, null);
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> Staff.<Staff>findById(staff.id).revokeTokens(now.minusSeconds(60)));

        String before = OidcProvider.sign(OidcProvider.claims(staff.email).issuedAt(now.minusSeconds(120)));
        String after = OidcProvider.sign(OidcProvider.claims(staff.email).issuedAt(now));

        assertThat(meStatus(before)).isEqualTo(401);
        assertThat(meStatus(after)).isEqualTo(200);
    }

    @Test
    void shouldTakeTheRoleFromTheAccountNotFromTheProvidersGroups() {
        String sroClaimingAdmin = OidcProvider.sign(OidcProvider.claims(SRO_EMAIL).groups(Set.of("ADMIN")));
        String adminClaimingSro = OidcProvider.sign(OidcProvider.claims("admin@demo.tipline.local").groups(Set.of("SRO")));

        given().auth().oauth2(sroClaimingAdmin).get("/api/v1/admin/staff").then().statusCode(403);
        given().auth().oauth2(sroClaimingAdmin).get("/api/v1/staff/queue").then().statusCode(200);
        given().auth().oauth2(adminClaimingSro).get("/api/v1/staff/queue").then().statusCode(403);
        given().auth().oauth2(adminClaimingSro).get("/api/v1/admin/staff").then().statusCode(200);
    }

    @Test
    void shouldSendStaffToTheirIdentityProviderInsteadOfSigningThemIn() {
        given().contentType("application/json").body(Map.of("email", SRO_EMAIL, "password", "tipline-demo"))
                .post("/api/v1/auth/login").then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("external-sign-in"))
                .body("accessToken", equalTo(null));
    }

    private static String submitTip(UUID schoolId) {
        return given().contentType("application/json")
                .body(Map.of("schoolId", schoolId.toString(), "category", "BULLYING", "description", "Test tip for the queue.",
                        "happeningNow", false))
                .header(Proofs.tip()).post("/api/v1/tips").then().statusCode(201).extract().path("reference");
    }
}
