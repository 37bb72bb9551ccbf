package org.tipline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.tipline.support.Database;
import org.tipline.support.Proofs;

/** Every kind of bad input is a 4xx problem that names the field, and leaves every table as it was. */
@QuarkusTest
class BadSubmissionTest {

    private static ValidatableResponse refused(Object body, int status, String code) {
        Map<String, Long> before = Database.rowCounts();
        ValidatableResponse response = TipRequests.post(body).statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo(code));
        assertThat(Database.rowCounts()).as("row counts").isEqualTo(before);
        return response;
    }

    private static Map<String, Object> tipWith(Consumer<Map<String, Object>> change) {
        Map<String, Object> tip = TipRequests.validTip();
        change.accept(tip);
        return tip;
    }

    @Test
    void shouldRefuseMalformedJson() {
        refused("{\"category\": \"WEAPON\", ", 400, "malformed-json");
        refused("", 400, "malformed-json");
        refused("null", 400, "validation-failed");
    }

    @Test
    void shouldRefuseAnUnknownField() {
        refused(tipWith(tip -> tip.put("ipAddress", "10.0.0.1")), 400, "unknown-field")
                .body("errors.field", hasItem("ipAddress"));
    }

    @Test
    void shouldRefuseWrongTypes() {
        refused(tipWith(tip -> tip.put("happeningNow", "perhaps")), 400, "wrong-type")
                .body("errors.field", hasItem("happeningNow"));
        refused(tipWith(tip -> tip.put("description", Map.of("text", "nested"))), 400, "wrong-type")
                .body("errors.field", hasItem("description"));
        refused(tipWith(tip -> tip.put("schoolId", "not-a-uuid")), 400, "wrong-type")
                .body("errors.field", hasItem("schoolId"));
    }

    @Test
    void shouldRefuseAnUnknownSchoolOrCategory() {
        refused(tipWith(tip -> tip.put("schoolId", UUID.randomUUID().toString())), 400, "validation-failed")
                .body("errors.field", hasItem("schoolId"));
        refused(tipWith(tip -> tip.put("category", "UFO_SIGHTING")), 400, "validation-failed")
                .body("errors.field", hasItem("category"));
    }

    @Test
    void shouldRefuseMissingOrEmptyRequiredFields() {
        refused(tipWith(tip -> tip.remove("description")), 400, "validation-failed")
                .body("errors.field", hasItem("description"));
        refused(tipWith(tip -> tip.put("description", "          ")), 400, "validation-failed")
                .body("errors.field", hasItem("description"));
        refused(tipWith(tip -> tip.remove("category")), 400, "validation-failed")
                .body("errors.field", hasItem("category"));
        refused(tipWith(tip -> tip.remove("happeningNow")), 400, "validation-failed")
                .body("errors.field", hasItem("happeningNow"));
    }

    @Test
    void shouldRefuseTextTooShortOrTooLong() {
        refused(tipWith(tip -> tip.put("description", "help")), 400, "validation-failed")
                .body("errors.field", hasItem("description"));
        refused(tipWith(tip -> tip.put("description", "x".repeat(10_001))), 400, "validation-failed")
                .body("errors.field", hasItem("description"));
        refused(tipWith(tip -> tip.put("location", "x".repeat(501))), 400, "validation-failed")
                .body("errors.field", hasItem("location"));
        refused(tipWith(tip -> tip.put("language", "Klingon!")), 400, "validation-failed")
                .body("errors.field", hasItem("language"));
    }

    @Test
    void shouldAcceptTheLongestDescription() {
        TipRequests.post(tipWith(tip -> tip.put("description", "x".repeat(10_000)))).statusCode(201);
    }

    @Test
    void shouldRefuseAnOversizedBody() {
        refused(tipWith(tip -> tip.put("description", "x".repeat(70 * 1024))), 413, "payload-too-large");
    }

    @Test
    void shouldRefuseAWrongMediaType() {
        Map<String, Long> before = Database.rowCounts();

        given().contentType("text/plain").body("There is a knife in locker 12").header(Proofs.tip()).post("/api/v1/tips")
                .then().statusCode(415).body("code", equalTo("unsupported-media-type"));

        assertThat(Database.rowCounts()).isEqualTo(before);
    }

    @Test
    void shouldNotEchoTheRejectedValue() {
        String secret = "SECRET" + UUID.randomUUID();
        String body = refused(tipWith(tip -> tip.put("happeningNow", secret)), 400, "wrong-type").extract().asString();

        assertThat(body).doesNotContain(secret);
    }
}
