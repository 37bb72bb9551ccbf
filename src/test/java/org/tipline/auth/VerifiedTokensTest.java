package org.tipline.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;
import org.tipline.support.DirectoryFixtures;
import org.tipline.support.StaffTokens;

/** Remembered token verifications save the signature check, never the account check. */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    JWTParser parser;

    private static int meStatus(String token) {
        return given().auth().oauth2(token).get("/api/v1/staff/me").then().extract().statusCode();
    }

    @Test
    void shouldRememberAVerifiedTokenYetRefuseItOnceTheAccountIsDisabled() {
        Staff staff = DirectoryFixtures.staff(StaffRole.ANALYST, null, null, null);
        String token = StaffTokens.sign(StaffTokens.claims(staff.id, "ANALYST"));
        VerifiedTokens tokens = (VerifiedTokens) parser;

        assertThat(meStatus(token)).isEqualTo(200);
        assertThat(tokens.remembers(token)).isTrue();

        QuarkusTransaction.requiringNew().run(() -> Staff.<Staff>findById(staff.id).enabled = false);

        assertThat(meStatus(token)).isEqualTo(401);
    }

    @Test
    void shouldNeverRememberATokenThatFailedVerification() {
        Staff staff = DirectoryFixtures.staff(StaffRole.ANALYST, null, null, null);
        String token = StaffTokens.sign(StaffTokens.claims(staff.id, "ANALYST"));
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);

        assertThat(meStatus(tampered)).isEqualTo(401);
        assertThat(((VerifiedTokens) parser).remembers(tampered)).isFalse();
        assertThat(meStatus(token)).isEqualTo(200);
    }
}
