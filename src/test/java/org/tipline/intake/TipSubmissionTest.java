package org.tipline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.support.Database;
import org.tipline.support.LogCapture;
import org.tipline.tip.Tip;
import org.tipline.tip.TipBody;
import org.tipline.support.Proofs;

@QuarkusTest
class TipSubmissionTest {

    /** Metrics are served on the management port only. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    StoredTips stored;

    @Test
    void shouldStoreATipAndAnswerWithACaseCodeAndReference() {
        ExtractableResponse<Response> answer = TipRequests.post(TipRequests.validTip())
                .statusCode(201)
                .body("caseCode", matchesPattern("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}"))
                .body("reference", matchesPattern("T-\\d{4}-\\d{6}"))
                .body("submittedOn", equalTo(LocalDate.now(ZoneId.of("America/Denver")).toString()))
                .extract();

        String reference = answer.path("reference");
        Tip tip = stored.byReference(reference);
        assertThat(tip.schoolId()).hasToString(TipRequests.KELLY_WALSH);
        assertThat(tip.category().name()).isEqualTo("WEAPON");
        assertThat(tip.status().name()).isEqualTo("NEW");
        assertThat(stored.body(reference)).isEqualTo(new TipBody("A student showed a knife in the east stairwell.",
                "east stairwell", "this morning", "a ninth grader", null, "en"));
    }

    @Test
    void shouldAcceptATipWithoutASchool() {
        Map<String, Object> tip = TipRequests.validTip();
        tip.put("schoolId", null);
        tip.remove("location");

        String reference = TipRequests.post(tip).statusCode(201).extract().path("reference");

        assertThat(stored.byReference(reference).schoolId()).isNull();
    }

    @Test
    void shouldNumberReferencesOneByOne() {
        String first = TipRequests.post(TipRequests.validTip()).statusCode(201).extract().path("reference");
        String second = TipRequests.post(TipRequests.validTip()).statusCode(201).extract().path("reference");

        assertThat(Integer.parseInt(second.substring(7))).isEqualTo(Integer.parseInt(first.substring(7)) + 1);
    }

    @Test
    void shouldAnswerReportersWithoutCachingCookiesOrReferrer() {
        for (var response : new io.restassured.response.ValidatableResponse[] {
                TipRequests.post(TipRequests.validTip()).statusCode(201),
                given().get("/api/v1/intake-key").then().statusCode(200),
                TipRequests.post(Map.of()).statusCode(400) }) {
            response.header("Cache-Control", "no-store")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Set-Cookie", nullValue());
        }
    }

    @Test
    void shouldKeepEveryWordOfTheTipAndTheCaseCodeOutOfTheDatabaseAndTheLogs() {
        String marker = "MARK" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, Object> tip = TipRequests.validTip();
        tip.put("description", "Threat written by " + marker + " on the wall");
        tip.put("location", "gym " + marker);
        tip.put("when", "today " + marker);
        tip.put("peopleInvolved", "friend of " + marker);
        tip.put("reporterContact", marker + "@example.org");

        String userAgent = "UA-" + marker;
        String address = "203.0.113." + (1 + new java.util.Random().nextInt(250));
        String code;
        try (LogCapture log = LogCapture.start()) {
            code = given().contentType("application/json").header("User-Agent", userAgent)
                    .header("X-Forwarded-For", address).header("Forwarded", "for=" + address)
                    .body(tip).header(Proofs.tip()).post("/api/v1/tips").then().statusCode(201).extract().path("caseCode");

            assertThat(log.all()).doesNotContain(marker).doesNotContain(code)
                    .doesNotContain(code.replace("-", "")).doesNotContain(address);
        }
        assertThat(given().port(management.getPort()).get("/q/metrics").then().statusCode(200).extract().asString())
                .doesNotContain(marker).doesNotContain(address);
        assertThat(Database.tablesContaining(address)).as("tables holding the reporter's address").isEmpty();
        String canonical = code.replace("-", "");
        assertThat(Database.tablesContaining(marker)).as("tables holding the marker").isEmpty();
        assertThat(Database.tablesContaining(code)).as("tables holding the case code").isEmpty();
        assertThat(Database.tablesContaining(canonical)).as("tables holding the bare case code").isEmpty();
        assertThat(Database.tablesContaining(canonical.toLowerCase())).isEmpty();
        // The scan itself works: it finds what is there in the clear.
        assertThat(Database.tablesContaining("Kelly Walsh High School")).contains("school");
    }

    @Test
    void shouldPublishTheIntakeKey() {
        given().get("/api/v1/intake-key").then().statusCode(200)
                .body("alg", equalTo("ECDH-P256+HKDF-SHA256+A256GCM"))
                .body("kid", matchesPattern(".+"))
                .body("publicKey", matchesPattern("[A-Za-z0-9_-]{80,}"));
    }
}
