package org.tipline.signin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tipline.support.Database;
import org.tipline.support.DirectoryFixtures;
import org.tipline.support.InvitationMails;
import org.tipline.support.Mailbox;
import org.tipline.support.StaffTokens;
import org.tipline.support.TestClock;

/** Invitations: single use, 24 hours, only a keyed hash stored, the link's token never in a request's URL. */
@QuarkusTest
class InvitationTest {

    private static final String ADMIN = StaffTokens.forDemo("admin", "ADMIN");
    private static final String CASPER_PD = UUID.nameUUIDFromBytes("tipline-demo:agency:Casper Police Department".getBytes()).toString();

    @Inject
    TestClock clock;

    @BeforeEach
    void clearMail() {
        Mailbox.clear();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String newSro() {
        String email = DirectoryFixtures.unique("sro").replace(' ', '.') + "@test.tipline.local";
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("email", email, "displayName", "SRO (test)", "role", "SRO", "agencyId", CASPER_PD))
                .post("/api/v1/admin/staff").then().statusCode(201);
        return email;
    }

    private static io.restassured.response.ValidatableResponse accept(String token, String password) {
        return given().contentType("application/json").body(Map.of("token", token, "password", password))
                .post("/api/v1/invitations/accept").then();
    }

    private static io.restassured.response.ValidatableResponse login(String email, String password) {
        return given().contentType("application/json").body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login").then();
    }

    @Test
    void shouldWorkOnceAndKeepOnlyAKeyedHash() {
        String email = newSro();
        String token = InvitationMails.tokenFor(email);

        assertThat(Database.tablesContaining(token)).isEmpty();
        accept(token, "a long new password 1").statusCode(204);
        login(email, "a long new password 1").statusCode(200);
        accept(token, "another long password").statusCode(400).body("code", equalTo("invitation-invalid"));
        login(email, "another long password").statusCode(401);
    }

    @Test
    void shouldExpireAfter24Hours() {
        String token = InvitationMails.tokenFor(newSro());

        clock.advance(Duration.ofHours(24).plusSeconds(1));

        accept(token, "a long new password 2").statusCode(400).body("code", equalTo("invitation-invalid"));
    }

    @Test
    void shouldReplaceAnOlderInvitationAndEndTheOldPassword() {
        String email = newSro();
        String first = InvitationMails.tokenFor(email);
        accept(first, "the first password 1").statusCode(204);
        String staffId = given().auth().oauth2(ADMIN).get("/api/v1/admin/staff").then().extract().jsonPath()
                .<String>getList("findAll { it.email == '" + email + "' }.id").get(0);

        given().auth().oauth2(ADMIN).post("/api/v1/admin/staff/" + staffId + "/reset").then().statusCode(200);

        login(email, "the first password 1").statusCode(401);
        String second = InvitationMails.tokenFor(email);
        assertThat(second).isNotEqualTo(first);
        accept(second, "the second password 2").statusCode(204);
        login(email, "the second password 2").statusCode(200);
    }

    @Test
    void shouldTellTheOldAddressAndInviteTheNewOneOnAnEmailChange() {
        String email = newSro();
        accept(InvitationMails.tokenFor(email), "the first password 3").statusCode(204);
        String staffId = given().auth().oauth2(ADMIN).get("/api/v1/admin/staff").then().extract().jsonPath()
                .<String>getList("findAll { it.email == '" + email + "' }.id").get(0);
        String newEmail = "new." + email;

        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("email", newEmail))
                .put("/api/v1/admin/staff/" + staffId + "/email").then().statusCode(200).body("staff.email", equalTo(newEmail));

        List<String> toOld = InvitationMails.textsTo(email);
        assertThat(toOld.get(toOld.size() - 1)).contains("changed to " + newEmail);
        login(email, "the first password 3").statusCode(401);
        login(newEmail, "the first password 3").statusCode(401);
        accept(InvitationMails.tokenFor(newEmail), "the new password 33").statusCode(204);
        login(newEmail, "the new password 33").statusCode(200);
    }

    @Test
    void shouldRefuseAShortPasswordAndAnUnknownToken() {
        accept(InvitationMails.tokenFor(newSro()), "short").statusCode(400);
        accept("not-a-token", "a long enough password").statusCode(400).body("code", equalTo("invitation-invalid"));
    }
}
