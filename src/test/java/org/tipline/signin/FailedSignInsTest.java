package org.tipline.signin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tipline.auth.AuthSettings;
import org.tipline.crypto.ServerSecrets;
import org.tipline.support.Database;
import org.tipline.support.TestClock;

/** The failure counts and the attempt under way, as they sit in the database that every replica shares. */
@QuarkusTest
class FailedSignInsTest {

    @Inject
    FailedSignIns failures;

    @Inject
    AuthSettings settings;

    @Inject
    ServerSecrets secrets;

    @Inject
    AgroalDataSource database;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String unknownEmail() {
        return "Nobody-" + UUID.randomUUID() + "@Test.Tipline.Local";
    }

    private static ValidatableResponse login(String email) {
        return given().contentType("application/json").body(Map.of("email", email, "password", "wrong"))
                .post("/api/v1/auth/login").then();
    }

    private Duration lease() {
        return settings.maxFailureDelay().plusSeconds(30);
    }

    @Test
    void shouldEndTheAttemptOfACrashedReplicaWhenItsLeaseRunsOut() {
        String email = unknownEmail();
        failures.begin(email); // and never ended, as by a replica that died during the attempt

        login(email).statusCode(429).body("code", equalTo("sign-in-under-way"));
        clock.advance(lease().plusSeconds(1));
        login(email).statusCode(401);
    }

    @Test
    void shouldLetTheEndOfAnExpiredAttemptLeaveTheNextOneUnderWay() {
        String email = unknownEmail();
        Instant expired = failures.begin(email);
        clock.advance(lease().plusSeconds(1));
        Instant current = failures.begin(email);

        failures.end(email, expired);

        assertThatThrownBy(() -> failures.begin(email)).isInstanceOf(SignInUnderWayException.class);
        failures.end(email, current);
        failures.end(email, failures.begin(email));
    }

    @Test
    void shouldStoreAKeyedHashOfTheEmailAndNeverTheEmail() throws SQLException {
        String email = unknownEmail();
        login(email).statusCode(401);
        login(email).statusCode(401);

        assertThat(failuresStoredFor(email)).isEqualTo(2);
        assertThat(Database.tablesContaining(email)).isEmpty();
        // The normalized form too: in a bytea column it would show as the hex of exactly these bytes.
        assertThat(Database.tablesContaining(email.toLowerCase(Locale.ROOT))).isEmpty();
    }

    @Test
    void shouldForgetFailuresAfterAQuietQuarterHourAndCountAfreshFromThen() {
        String email = unknownEmail();
        failures.failed(email);
        failures.failed(email);
        assertThat(failures.delayFor(email)).isEqualTo(settings.failureDelay().multipliedBy(2));

        clock.advance(Duration.ofMinutes(16));

        assertThat(failures.delayFor(email)).isZero();
        failures.failed(email);
        assertThat(failures.delayFor(email)).isEqualTo(settings.failureDelay());
    }

    @Test
    void shouldDeleteQuietRowsButKeepRecentFailuresAndAttemptsUnderWay() throws SQLException {
        String quiet = unknownEmail();
        String recent = unknownEmail();
        String underWay = unknownEmail();
        failures.failed(quiet);
        failures.failed(underWay);
        clock.advance(Duration.ofMinutes(16));
        failures.failed(recent);
        Instant lease = failures.begin(underWay);

        failures.forgetQuiet();

        assertThat(failuresStoredFor(quiet)).isNull();
        assertThat(failuresStoredFor(recent)).isEqualTo(1);
        assertThat(failuresStoredFor(underWay)).isEqualTo(1);
        failures.end(underWay, lease);
        failures.forgetQuiet();
        assertThat(failuresStoredFor(underWay)).isNull();
    }

    /** The failures of the email's row, found by its keyed hash; null without a row. */
    private Integer failuresStoredFor(String email) throws SQLException {
        byte[] normalized = email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        byte[] key = secrets.keyedHash("sign-in-failures-v1", normalized);
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select failures from sign_in_failure where email_key = ?")) {
            select.setBytes(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getInt(1) : null;
            }
        }
    }
}
