package org.tipline.signin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;
import org.tipline.support.DirectoryFixtures;
import org.tipline.support.StaffTokens;
import org.tipline.crypto.PasswordHasher;

@QuarkusTest
class TotpEnrolmentTest {

    @Inject
    PasswordHasher passwords;

    private Staff staffWithPassword() {
        Staff staff = DirectoryFixtures.staff(StaffRole.COUNSELOR, DirectoryFixtures.district(), null, null);
        QuarkusTransaction.requiringNew().run(() -> Staff.<Staff>findById(staff.id).passwordHash = passwords.hash("pw-123456".toCharArray()));
        return staff;
    }

    private static byte[] base32Decode(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    private static String codeNow(byte[] secret) {
        return TotpVerifier.code(secret, Instant.now().getEpochSecond() / 30);
    }

    private static io.restassured.response.ValidatableResponse login(Staff staff, String code) {
        Map<String, String> body = code == null ? Map.of("email", staff.email, "password", "pw-123456")
                : Map.of("email", staff.email, "password", "pw-123456", "totp", code);
        return given().contentType("application/json").body(body).post("/api/v1/auth/login").then();
    }

    @Test
    void shouldEnrolAnAuthenticatorAndThenAskForItsCodes() throws InterruptedException {
        Staff staff = staffWithPassword();
        String token = login(staff, null).statusCode(200).extract().path("accessToken");

        Map<String, String> setup = given().auth().oauth2(token).post("/api/v1/staff/me/totp").then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertThat(setup.get("otpauthUri")).startsWith("otpauth://totp/Tipline%3A").contains("secret=" + setup.get("secret"));
        byte[] secret = base32Decode(setup.get("secret"));
        assertThat(secret).hasSize(20);

        given().auth().oauth2(token).contentType("application/json").body(Map.of("code", "000000".equals(codeNow(secret)) ? "111111" : "000000"))
                .post("/api/v1/staff/me/totp/confirm").then().statusCode(400).body("errors.field", hasItem("code"));
        String confirmation = codeNow(secret);
        given().auth().oauth2(token).contentType("application/json").body(Map.of("code", confirmation))
                .post("/api/v1/staff/me/totp/confirm").then().statusCode(204);

        given().auth().oauth2(token).get("/api/v1/staff/me").then().statusCode(401);
        login(staff, null).statusCode(401);
        Thread.sleep(1100); // the enrolment revoked earlier tokens up to the next whole second
        login(staff, confirmation).statusCode(401); // the confirmation code is used up
        // The next step's code is within the window and later than the used one.
        String next = TotpVerifier.code(secret, Instant.now().getEpochSecond() / 30 + 1);
        String fresh = login(staff, next).statusCode(200).extract().path("accessToken");
        given().auth().oauth2(fresh).get("/api/v1/staff/me").then().statusCode(200);
        given().auth().oauth2(fresh).post("/api/v1/staff/me/totp").then().statusCode(409)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void shouldLetAnEnrolmentTokenDoNothingButEnrol() {
        Staff staff = staffWithPassword();
        String enrolment = StaffTokens.sign(StaffTokens.claims(staff.id, "TOTP_ENROLMENT"));

        given().auth().oauth2(enrolment).get("/api/v1/staff/me").then().statusCode(403);
        given().auth().oauth2(enrolment).get("/api/v1/staff/queue").then().statusCode(403);
        given().auth().oauth2(enrolment).get("/api/v1/audit/verify").then().statusCode(403);
        given().auth().oauth2(enrolment).post("/api/v1/staff/me/totp").then().statusCode(200);
    }
}
