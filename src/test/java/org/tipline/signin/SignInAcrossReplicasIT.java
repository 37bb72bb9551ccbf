package org.tipline.signin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tipline.crypto.PasswordHashesForTests;
import org.tipline.platform.limits.Backoff;
import org.tipline.support.PackagedApp;

/**
 * Two replicas of the packaged application on one database, as the Deployment runs them: the delay that failed
 * sign-ins earn on one replica holds on the other, and while an attempt for an email is under way on one, the other
 * refuses a parallel one. With that state in each replica's memory instead, both tests fail.
 */
class SignInAcrossReplicasIT {

    private static final Path WORK = Path.of("target/replicas");
    private static final Duration FAILURE_DELAY = Duration.ofMillis(250);
    private static final Duration MAX_FAILURE_DELAY = Duration.ofSeconds(5);
    private static final Backoff BACKOFF = Backoff.from(FAILURE_DELAY, MAX_FAILURE_DELAY);
    private static final String EMAIL = "analyst@replicas.local";
    private static final String PASSWORD = "the analyst's right password";

    private static EmbeddedPostgres database;
    private static PackagedApp replicaA;
    private static PackagedApp replicaB;

    @BeforeAll
    static void startTwoReplicasOnOneDatabase() throws Exception {
        database = PackagedApp.startDatabase();
        Properties settings = PackagedApp.requiredSettings("replicas");
        // The prod defaults, written out so that the expected delays below are the ones the replicas use.
        settings.setProperty("tipline.auth.failure-delay", FAILURE_DELAY.toMillis() + "ms");
        settings.setProperty("tipline.auth.max-failure-delay", MAX_FAILURE_DELAY.toMillis() + "ms");
        // The seeded account has no authenticator; with TOTP required its right password would only earn an
        // enrolment token. The delay and the attempt under way, which this test is about, do not depend on it.
        settings.setProperty("tipline.auth.totp-required", "false");
        Path file = PackagedApp.write(settings, WORK.resolve("settings.properties"));
        replicaA = PackagedApp.start(database, file, WORK.resolve("replica-a.log"), "-Xmx256m");
        // Only after A has migrated the schema: two replicas starting at once would wait on Flyway's lock.
        replicaB = PackagedApp.start(database, file, WORK.resolve("replica-b.log"), "-Xmx256m");
        seedAnalyst();
        // A replica's first sign-ins take far longer than later ones (class loading, JIT): timed on a cold replica,
        // an attempt would seem delayed when it is not.
        for (PackagedApp replica : new PackagedApp[] { replicaA, replicaB }) {
            for (int i = 0; i < 3; i++) {
                assertThat(login(replica, "warm-up-" + UUID.randomUUID() + "@replicas.local", "wrong").statusCode())
                        .isEqualTo(401);
            }
        }
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            if (replicaB != null) {
                replicaB.close();
            }
        } finally {
            try {
                if (replicaA != null) {
                    replicaA.close();
                }
            } finally {
                if (database != null) {
                    database.close();
                }
            }
        }
    }

    @Test
    void shouldMakeTheDelayEarnedOnOneReplicaHoldOnTheOther() {
        int failuresOnA = 3;
        for (int i = 0; i < failuresOnA; i++) {
            assertThat(login(replicaA, EMAIL, "wrong " + i).statusCode()).isEqualTo(401);
        }

        long start = System.nanoTime();
        assertThat(login(replicaB, EMAIL, "wrong again").statusCode()).isEqualTo(401);
        long elapsedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertThat(elapsedMillis).as("ms of a wrong attempt on B after %d failures on A", failuresOnA)
                .isGreaterThanOrEqualTo(BACKOFF.after(failuresOnA).toMillis());
        Response rightPassword = login(replicaB, EMAIL, PASSWORD);
        assertThat(rightPassword.statusCode()).as("a delay, never a lockout").isEqualTo(200);
        assertThat(rightPassword.<String>path("accessToken")).isNotBlank();
    }

    @Test
    void shouldRefuseOnOneReplicaAnAttemptUnderWayOnTheOther() throws Exception {
        // An unknown email: it is counted like a known one, so the answer does not tell them apart.
        String email = "nobody-" + UUID.randomUUID() + "@replicas.local";
        int failuresOnA = 3;
        for (int i = 0; i < failuresOnA; i++) {
            assertThat(login(replicaA, email, "wrong " + i).statusCode()).isEqualTo(401);
        }
        Duration held = BACKOFF.after(failuresOnA);

        CompletableFuture<Response> onA = CompletableFuture.supplyAsync(() -> login(replicaA, email, "held on A"));
        awaitAnAttemptUnderWay(held);
        Response onB = login(replicaB, email, "parallel on B");
        boolean aStillUnderWay = !onA.isDone();

        assertThat(onB.statusCode()).isEqualTo(429);
        assertThat(onB.<String>path("code")).isEqualTo("sign-in-under-way");
        assertThat(onB.header("Retry-After")).isNotBlank();
        assertThat(aStillUnderWay).as("A's attempt (delayed %d ms) was still under way when B answered", held.toMillis())
                .isTrue();
        assertThat(onA.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(401);
    }

    private static Response login(PackagedApp replica, String email, String password) {
        return given().baseUri(replica.baseUri.toString()).contentType("application/json")
                .body(Map.of("email", email, "password", password)).post("/api/v1/auth/login");
    }

    /**
     * Waits until the database shows an attempt under way (this test's only one), at most {@code atMost}: sending to B
     * earlier would race A for the attempt. Returns either way, so that a replica that never records one fails below.
     */
    private static void awaitAnAttemptUnderWay(Duration atMost) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        try (Connection connection = database.getPostgresDatabase().getConnection();
                PreparedStatement underWay = connection.prepareStatement(
                        "select exists (select 1 from sign_in_failure where attempt_until is not null)")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet row = underWay.executeQuery()) {
                    if (row.next() && row.getBoolean(1)) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
    }

    /** The prod profile has no demo accounts: one analyst, with a password hashed at the replicas' own cost. */
    private static void seedAnalyst() throws SQLException {
        try (Connection connection = database.getPostgresDatabase().getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into staff (id, email, display_name, role, "
                        + "password_hash) values (?, ?, 'Replica Analyst', 'ANALYST', ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, EMAIL);
            insert.setString(3, PasswordHashesForTests.atDefaultCost(PASSWORD));
            insert.executeUpdate();
        }
    }
}
