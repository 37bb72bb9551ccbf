package org.tipline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tipline.support.Database;

/** Flood caps on intake: one connection past its hourly cap gets a clear 429; others are unaffected. */
@QuarkusTest
class FloodGuardTest {

    @Inject
    FloodGuard guard;

    @Inject
    IntakeSettings settings;

    @Test
    void shouldRefuseAClientPastItsCapWithAClearProblemAndStoreNothing() {
        String flooder = "203.0.113." + (1 + (int) (Math.random() * 250));
        // Fill the flooder's hour with the guard itself: the cap of the test profile is high, because the
        // whole suite posts from one address.
        for (int i = 0; i < settings.perClientPerHour(); i++) {
            guard.admit(flooder);
        }
        Map<String, Long> before = Database.rowCounts();

        var refused = given().contentType("application/json").header("X-Forwarded-For", flooder)
                .body(TipRequests.validTip()).post("/api/v1/tips").then().statusCode(429)
                .contentType("application/problem+json")
                .body("code", equalTo("too-many-tips"))
                .body("detail", containsString("call 911"))
                .extract();
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1, 3600);
        assertThat(Database.rowCounts()).isEqualTo(before);

        given().contentType("application/json").header("X-Forwarded-For", "198.51.100.7")
                .body(TipRequests.validTip()).post("/api/v1/tips").then().statusCode(201);
    }

    @Test
    void shouldNotCountMalformedTipsAgainstTheClient() {
        String client = "203.0.113." + (1 + (int) (Math.random() * 250));
        for (int i = 0; i < settings.perClientPerHour() - 1; i++) {
            guard.admit(client);
        }
        Map<String, Object> malformed = new java.util.HashMap<>(TipRequests.validTip());
        malformed.put("description", "short");

        for (int i = 0; i < 5; i++) {
            given().contentType("application/json").header("X-Forwarded-For", client).body(malformed)
                    .post("/api/v1/tips").then().statusCode(400);
        }
        given().contentType("application/json").header("X-Forwarded-For", client).body("{\"category\": ")
                .post("/api/v1/tips").then().statusCode(400);

        given().contentType("application/json").header("X-Forwarded-For", client)
                .body(TipRequests.validTip()).post("/api/v1/tips").then().statusCode(201);
    }
}
