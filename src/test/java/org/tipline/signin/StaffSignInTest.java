package org.tipline.signin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.directory.DemoDirectory;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;
import org.tipline.support.DirectoryFixtures;
import org.tipline.crypto.PasswordHasher;

@QuarkusTest
class StaffSignInTest {

    private static final String SRO = "sro.kwhs@demo.tipline.local";

    @Inject
    PasswordHasher passwords;

    @Inject
    TotpVerifier totp;

    @Inject
    FailedSignIns failures;

    @Inject
    MeterRegistry metrics;

    private static ValidatableResponse login(String email, String password) {
        return given().contentType("application/json").body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login").then();
    }

    private static String tokenOf(String email, String password) {
        return login(email, password).statusCode(200).extract().path("accessToken");
    }

    private static ValidatableResponse me(String token) {
        return given().auth().oauth2(token).get("/api/v1/staff/me").then();
    }

    private Staff staffWithPassword(String password) {
        Staff staff = DirectoryFixtures.staff(StaffRole.ANALYST, null, null, null);
        QuarkusTransaction.requiringNew().run(() -> Staff.<Staff>findById(staff.id).passwordHash = passwords.hash(password.toCharArray()));
        return staff;
    }

    @Test
    void shouldSignInWithAnEs256TokenForFifteenMinutes() {
        ExtractableResponse<Response> answer = login(SRO, DemoDirectory.DEMO_PASSWORD).statusCode(200)
                .body("expiresIn", equalTo(900)).extract();
        String token = answer.path("accessToken");

        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(header).contains("\"alg\":\"ES256\"");
        assertThat(claims).contains("\"iss\":\"tipline\"", "\"aud\":\"tipline-staff\"", "\"groups\":[\"SRO\"]");
        me(token).statusCode(200).body("email", equalTo(SRO)).body("role", equalTo("SRO"));
    }

    @Test
    void shouldAcceptTheEmailInAnyCase() {
        login("SRO.KWHS@Demo.Tipline.Local", DemoDirectory.DEMO_PASSWORD).statusCode(200);
    }

    @Test
    void shouldAnswerAnUnknownEmailExactlyLikeAWrongPassword() {
        Staff known = staffWithPassword("right password");
        String unknown = "nobody-" + UUID.randomUUID() + "@test.tipline.local";

        String wrongPassword = login(known.email, "wrong password").statusCode(401)
                .contentType(startsWith("application/problem+json")).extract().asString();
        String unknownEmail = login(unknown, "wrong password").statusCode(401).extract().asString();

        assertThat(unknownEmail).isEqualTo(wrongPassword);
    }

    /**
     * An unknown email costs the same Argon2id as a wrong password (against a dummy hash), so the answer's time does not
     * tell them apart. The work is counted, not timed: a timing assertion fails on a busy machine.
     */
    @Test
    void shouldHashOnceForAnUnknownEmailAsForAWrongPassword() {
        Staff known = staffWithPassword("right password");
        String unknown = "nobody-" + UUID.randomUUID() + "@test.tipline.local";
        for (String email : List.of(known.email, unknown)) {
            long before = passwordHashes();
            login(email, "wrong").statusCode(401);
            assertThat(passwordHashes() - before).as("Argon2id runs once for %s", email).isEqualTo(1);
        }
    }

    private long passwordHashes() {
        return metrics.get("tipline.passwords.hash").timer().count();
    }

    @Test
    void shouldSlowDownRepeatedFailuresThenForgetThemOnSuccess() {
        Staff staff = staffWithPassword("right password");
        for (int i = 0; i < 3; i++) {
            login(staff.email, "wrong").statusCode(401);
        }
        long start = System.nanoTime();
        login(staff.email, "wrong").statusCode(401);
        long fourth = (System.nanoTime() - start) / 1_000_000;

        // A lower bound only: a busy machine makes every answer slower, never faster.
        assertThat(fourth).as("ms for the 4th failure (delay 20 ms x 2^2)").isGreaterThanOrEqualTo(80);
        assertThat(failures.delayFor(staff.email)).as("20 ms x 2^3, at most 100 ms").isEqualTo(Duration.ofMillis(100));
        login(staff.email, "right password").statusCode(200);
        assertThat(failures.delayFor(staff.email)).as("forgotten on success").isZero();
    }

    @Test
    void shouldRefuseADisabledAccountsStillValidToken() {
        Staff staff = staffWithPassword("right password");
        String token = tokenOf(staff.email, "right password");
        me(token).statusCode(200);

        given().auth().oauth2(org.tipline.support.StaffTokens.forDemo("admin", "ADMIN"))
                .post("/api/v1/admin/staff/" + staff.id + "/disable").then().statusCode(204);

        me(token).statusCode(401).contentType(startsWith("application/problem+json"));
        login(staff.email, "right password").statusCode(401);
    }

    @Test
    void shouldSignOutEverywhere() throws InterruptedException {
        Staff staff = staffWithPassword("right password");
        String first = tokenOf(staff.email, "right password");

        given().auth().oauth2(first).post("/api/v1/staff/me/logout-everywhere").then().statusCode(204);

        me(first).statusCode(401);
        Thread.sleep(1100); // tokens carry whole seconds: a new one is good from the next second on
        me(tokenOf(staff.email, "right password")).statusCode(200);
    }

    @Test
    void shouldAskEnrolledAccountsForTheirTotpCode() {
        Staff staff = staffWithPassword("right password");
        byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        QuarkusTransaction.requiringNew().run(() -> {
            Staff stored = Staff.findById(staff.id);
            stored.totpSecret = totp.seal(stored, secret);
            stored.totpEnabled = true;
        });
        String now = TotpVerifier.code(secret, Instant.now().getEpochSecond() / 30);
        String wrong = now.equals("000000") ? "000001" : "000000";

        login(staff.email, "right password").statusCode(401);
        given().contentType("application/json").body(Map.of("email", staff.email, "password", "right password", "totp", wrong))
                .post("/api/v1/auth/login").then().statusCode(401);
        given().contentType("application/json").body(Map.of("email", staff.email, "password", "right password", "totp", now))
                .post("/api/v1/auth/login").then().statusCode(200);
        given().contentType("application/json").body(Map.of("email", staff.email, "password", "right password", "totp", now))
                .post("/api/v1/auth/login").then().statusCode(401); // the same code a second time
    }

    @Test
    void shouldComputeTheRfc6238TestVector() {
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082, of which the last 6 digits.
        assertThat(TotpVerifier.code("12345678901234567890".getBytes(StandardCharsets.US_ASCII), 1)).isEqualTo("287082");
    }
}
