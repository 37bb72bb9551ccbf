package org.tipline.auth;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tipline.support.StaffTokens;

/**
 * Tokens that claim more than their account holds, signed with the real key (as someone holding it, or a
 * bug in token issue, would): the role and scope come from the account only, and a token may not live
 * longer than the configured lifetime.
 */
@QuarkusTest
class TokenClaimsAttackTest {

    @Test
    void shouldTakeTheRoleFromTheAccountNotFromTheTokensGroups() {
        String sroClaimingAnalyst = StaffTokens.sign(StaffTokens.claims(StaffTokens.demoStaffId("sro.kwhs"), "ANALYST"));

        given().auth().oauth2(sroClaimingAnalyst).get("/api/v1/audit").then().statusCode(403);
        given().auth().oauth2(sroClaimingAnalyst).get("/api/v1/staff/me").then().statusCode(200);
    }

    @Test
    void shouldNotLetAnAdminTokenClaimingACaseRoleReadTips() {
        String adminClaimingAnalyst = StaffTokens.sign(StaffTokens.claims(StaffTokens.demoStaffId("admin"), "ANALYST"));

        given().auth().oauth2(adminClaimingAnalyst).get("/api/v1/staff/queue").then().statusCode(403);
    }

    @Test
    void shouldKeepAnEnrolmentTokenToEnrolmentWhateverElseItClaims() {
        String enrolmentClaimingAnalyst = StaffTokens.sign(StaffTokens.claims(StaffTokens.demoStaffId("sro.kwhs"), "ANALYST")
                .groups(Set.of("TOTP_ENROLMENT", "ANALYST")));

        given().auth().oauth2(enrolmentClaimingAnalyst).get("/api/v1/staff/queue").then().statusCode(403);
    }

    @Test
    void shouldRefuseATokenThatLivesLongerThanTheConfiguredLifetime() {
        Instant now = Instant.now();
        String tenYears = StaffTokens.sign(StaffTokens.claims(StaffTokens.demoStaffId("sro.kwhs"), "SRO")
                .issuedAt(now).expiresAt(now.plusSeconds(10L * 365 * 24 * 3600)));
        String sixteenMinutes = StaffTokens.sign(StaffTokens.claims(StaffTokens.demoStaffId("sro.kwhs"), "SRO")
                .issuedAt(now).expiresAt(now.plusSeconds(16 * 60)));

        given().auth().oauth2(tenYears).get("/api/v1/staff/me").then().statusCode(401);
        given().auth().oauth2(sixteenMinutes).get("/api/v1/staff/me").then().statusCode(401);
    }
}
