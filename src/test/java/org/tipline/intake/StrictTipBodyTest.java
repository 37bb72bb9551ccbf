package org.tipline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tipline.support.Database;
import org.tipline.support.EnvelopeClient;
import org.tipline.support.Proofs;

/**
 * Issue 12: a tip body means exactly what it says or is refused. No Content-Type, trailing garbage,
 * duplicate keys, coerced scalars and "no school" spelt as a blank string are 400s naming what is wrong,
 * and nothing is stored.
 */
@QuarkusTest
class StrictTipBodyTest {

    /** A valid tip, with the JSON values written out so that tests can put anything in their place. */
    private static final String VALID = with("category", "\"WEAPON\"");

    @Inject
    ObjectMapper json;

    private static ValidatableResponse refused(String body, String code) {
        Map<String, Long> before = Database.rowCounts();
        ValidatableResponse response = given().contentType("application/json").body(body).header(Proofs.tip()).post("/api/v1/tips").then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo(code));
        assertThat(Database.rowCounts()).as("row counts").isEqualTo(before);
        return response;
    }

    /** The valid tip with one field's JSON value replaced (or added). */
    private static String with(String field, String jsonValue) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("schoolId", "\"" + TipRequests.KELLY_WALSH + "\"");
        fields.put("category", "\"WEAPON\"");
        fields.put("description", "\"A student showed a knife in the east stairwell.\"");
        fields.put("happeningNow", "false");
        fields.put(field, jsonValue);
        return fields.entrySet().stream().map(entry -> "\"" + entry.getKey() + "\":" + entry.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static HttpResponse<String> rawPost(String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/tips"))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldStillAcceptTheValidTipAndANullOrAbsentSchool() {
        given().contentType("application/json").body(VALID).header(Proofs.tip()).post("/api/v1/tips").then().statusCode(201);
        given().contentType("application/json").body(with("schoolId", "null")).header(Proofs.tip()).post("/api/v1/tips").then().statusCode(201);
        given().contentType("application/json").body(VALID.replace("\"schoolId\":\"" + TipRequests.KELLY_WALSH + "\",", ""))
                .header(Proofs.tip()).post("/api/v1/tips").then().statusCode(201);
    }

    @Test
    void shouldRefuseABodyWithoutOrWithAnEmptyContentType() throws Exception {
        for (String contentType : new String[] { null, "", " ", ";", "application/", "/json", "json" }) {
            Map<String, Long> before = Database.rowCounts();

            HttpResponse<String> response = rawPost(contentType, VALID);

            assertThat(response.statusCode()).as("Content-Type '%s'", contentType).isIn(400, 415);
            assertThat(response.headers().firstValue("Content-Type")).as("Content-Type '%s'", contentType)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(Database.rowCounts()).as("row counts").isEqualTo(before);
        }
    }

    @Test
    void shouldRefuseTrailingGarbage() {
        refused(VALID + " x", "malformed-json");
        refused(VALID + " {}", "malformed-json");
        refused(VALID + VALID, "malformed-json");
        refused(VALID + " 1", "malformed-json");
    }

    @Test
    void shouldRefuseADuplicateKeyAndNameIt() {
        refused(VALID.replace("\"category\":\"WEAPON\"", "\"category\":\"WEAPON\",\"category\":\"OTHER\""), "duplicate-field")
                .body("errors.field", hasItem("category"));
        refused(VALID.replace("\"happeningNow\":false", "\"happeningNow\":false,\"happeningNow\":true"), "duplicate-field")
                .body("errors.field", hasItem("happeningNow"));
    }

    @Test
    void shouldRefuseScalarsOfAnotherType() {
        for (String value : new String[] { "0", "1", "-1", "1.0", "\"true\"", "\"false\"", "\"\"", "[]", "{}" }) {
            refused(with("happeningNow", value), "wrong-type").body("errors.field", hasItem("happeningNow"));
        }
        for (String value : new String[] { "12345678901", "1.5", "true" }) {
            refused(with("description", value), "wrong-type").body("errors.field", hasItem("description"));
            refused(with("category", value), "wrong-type").body("errors.field", hasItem("category"));
        }
        refused(with("schoolId", "42"), "wrong-type").body("errors.field", hasItem("schoolId"));
    }

    @Test
    void shouldNotTakeABlankSchoolForNoSchool() {
        for (String value : new String[] { "\"\"", "\" \"", "\"\\u0000\"", "\"\\t\"", "\"\\n\"" }) {
            refused(with("schoolId", value), "wrong-type").body("errors.field", hasItem("schoolId"));
        }
    }

    @Test
    void shouldRefuseNulAndLoneSurrogatesInEveryTextField() {
        for (String field : new String[] { "description", "location", "when", "peopleInvolved", "reporterContact" }) {
            for (String bad : new String[] { "\\u0000", "\\ud800", "\\udc00", "\\udc00\\ud800" }) {
                refused(with(field, "\"Someone has a knife " + bad + " in the east stairwell\""), "validation-failed")
                        .body("errors.field", hasItem(field));
            }
        }
        // A proper pair (U+1F6A8) is fine.
        given().contentType("application/json").body(with("description", "\"Police light \\ud83d\\udea8 in the hall now\""))
                .header(Proofs.tip()).post("/api/v1/tips").then().statusCode(201);
    }

    @Test
    void shouldApplyTheSameRulesInsideAnEnvelope() throws Exception {
        Map<String, String> key = given().get("/api/v1/intake-key").then().statusCode(200).extract().jsonPath().getMap("");
        String[] plaintexts = {
            with("description", "\"Someone has a knife \\u0000 in the east stairwell\""),
            with("happeningNow", "0"),
            VALID + " x",
            with("schoolId", "\" \"") };
        for (String plaintext : plaintexts) {
            Map<String, Long> before = Database.rowCounts();
            String envelope = json.writeValueAsString(EnvelopeClient.seal(key.get("kid"), key.get("publicKey"), plaintext));

            given().contentType("application/vnd.tipline.envelope+json").body(envelope).header(Proofs.tip()).post("/api/v1/tips").then()
                    .statusCode(400).contentType(startsWith("application/problem+json"));

            assertThat(Database.rowCounts()).as("row counts").isEqualTo(before);
        }
    }
}
