package org.tipline.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.support.Database;
import org.tipline.support.StaffTokens;
import org.tipline.tip.Tip;
import org.tipline.tip.TipBody;
import org.tipline.support.Proofs;

/**
 * Issue 12: NUL and lone UTF-16 surrogates in any JSON body are a 400 that names the field, whatever the
 * endpoint (PostgreSQL refuses NUL in text and UTF-8 cannot hold a lone surrogate), and the stricter JSON
 * rules hold on every body, not only on tips. Nothing is stored.
 */
@QuarkusTest
class StorableTextTest {

    @Inject
    ObjectMapper applicationJson;

    @Inject
    ClientJson clientJson;

    private static final String ADMIN = StaffTokens.forDemo("admin", "ADMIN");
    private static final String SRO = StaffTokens.forDemo("sro.kwhs", "SRO");
    private static final String KELLY_WALSH = demoId("school", "Kelly Walsh High School");
    private static final String DISTRICT = demoId("district", "Natrona County School District");
    private static final String CASPER_POLICE = demoId("agency", "Casper Police Department");
    private static final String[] UNSTORABLE = { "\\u0000", "\\ud800", "\\udfff", "\\udc00\\ud800" };

    private static String demoId(String kind, String name) {
        return UUID.nameUUIDFromBytes(("tipline-demo:" + kind + ":" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static ValidatableResponse refused(ValidatableResponse response, String code) {
        return response.statusCode(400).contentType(startsWith("application/problem+json")).body("code", equalTo(code));
    }

    private static ValidatableResponse post(String token, String path, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body).post(path).then();
    }

    @Test
    void shouldRefuseUnstorableTextInAdministration() {
        Map<String, Long> before = Database.rowCounts();
        for (String bad : UNSTORABLE) {
            String school = "{\"districtId\":\"" + DISTRICT + "\",\"agencyId\":\"" + CASPER_POLICE + "\",\"name\":\"Null High " + bad
                    + "\",\"level\":\"HIGH\",\"city\":\"Casper\"}";
            refused(post(ADMIN, "/api/v1/admin/schools", school), "validation-failed").body("errors.field", hasItem("name"));
            String agency = "{\"name\":\"Null Police " + bad + "\",\"kind\":\"CITY_POLICE\",\"onCallEmail\":\"a@example.org\","
                    + "\"supervisorEmail\":\"b@example.org\"}";
            refused(post(ADMIN, "/api/v1/admin/agencies", agency), "validation-failed").body("errors.field", hasItem("name"));
            String staff = "{\"email\":\"null." + UUID.randomUUID() + "@example.org\",\"displayName\":\"Null " + bad
                    + "\",\"role\":\"ANALYST\"}";
            refused(post(ADMIN, "/api/v1/admin/staff", staff), "validation-failed").body("errors.field", hasItem("displayName"));
        }
        assertThat(Database.rowCounts()).as("row counts").isEqualTo(before);
    }

    @Test
    void shouldRefuseUnstorableTextInCaseWorkAndFollowUp() {
        Map<String, String> receipt = given().contentType("application/json")
                .body(Map.of("schoolId", KELLY_WALSH, "category", "OTHER", "description", "Storable text test tip.", "happeningNow", false))
                .header(Proofs.tip()).post("/api/v1/tips").then().statusCode(201).extract().jsonPath().getMap("");
        String tipId = QuarkusTransaction.requiringNew()
                .call(() -> Tip.<Tip>find("reference", receipt.get("reference")).singleResult().id().toString());
        String reporter = given().contentType("application/json").body(Map.of("caseCode", receipt.get("caseCode")))
                .header(Proofs.followup()).post("/api/v1/followup/session").then().statusCode(200).extract().path("token");
        Map<String, Long> before = Database.rowCounts();

        for (String bad : UNSTORABLE) {
            String text = "{\"body\":\"Please call me " + bad + " tomorrow\"}";
            refused(post(SRO, "/api/v1/staff/tips/" + tipId + "/notes", text), "validation-failed").body("errors.field", hasItem("body"));
            refused(post(SRO, "/api/v1/staff/tips/" + tipId + "/messages", text), "validation-failed").body("errors.field", hasItem("body"));
            refused(post(reporter, "/api/v1/followup/messages", text), "validation-failed").body("errors.field", hasItem("body"));
            refused(given().contentType("application/json").body("{\"caseCode\":\"7QK2" + bad + "\"}").header(Proofs.followup()).post("/api/v1/followup/session")
                    .then(), "validation-failed").body("errors.field", hasItem("caseCode"));
        }
        assertThat(Database.rowCounts()).as("row counts").isEqualTo(before);
    }

    @Test
    void shouldStillReadWhatWasSealedBeforeTheRule() throws Exception {
        // Tip bodies are stored encrypted, so one with a NUL could be stored before this rule: it must stay readable.
        byte[] stored = "{\"description\":\"knife \\u0000 in locker 12\",\"location\":\"\\ud800\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(applicationJson.readValue(stored, TipBody.class).description()).isEqualTo("knife \u0000 in locker 12");
        assertThatThrownBy(() -> clientJson.read(stored, TipBody.class)).isInstanceOf(UnstorableTextException.class);
    }

    @Test
    void shouldApplyTheStrictJsonRulesToEveryBody() {
        String assignment = "/api/v1/admin/staff/" + UUID.randomUUID() + "/assignments/" + UUID.randomUUID();
        for (String body : new String[] { "{\"kind\":\"SRO\",\"primary\":1}", "{\"kind\":\"SRO\",\"primary\":\"true\"}",
                "{\"kind\":\"SRO\",\"primary\":null}" }) {
            refused(given().auth().oauth2(ADMIN).contentType("application/json").body(body).put(assignment).then(), "wrong-type")
                    .body("errors.field", hasItem("primary"));
        }
        refused(given().auth().oauth2(ADMIN).contentType("application/json").body("{\"kind\":0,\"primary\":true}").put(assignment)
                .then(), "wrong-type").body("errors.field", hasItem("kind"));
        refused(given().auth().oauth2(ADMIN).contentType("application/json").body("{\"kind\":\"\",\"primary\":true}").put(assignment)
                .then(), "wrong-type").body("errors.field", hasItem("kind"));
        refused(post(ADMIN, "/api/v1/admin/agencies", "null"), "validation-failed").body("errors.field", hasItem("(body)"));
        refused(given().contentType("application/json").body("").header(Proofs.followup()).post("/api/v1/followup/session").then(), "validation-failed")
                .body("errors.field", hasItem("(body)"));
        refused(given().contentType("application/json").body("{\"text\":\"hi\"} x").post("/test-probe/echo").then(), "malformed-json");
        refused(given().contentType("application/json").body("{\"text\":\"hi\",\"text\":\"ho\"}").post("/test-probe/echo").then(),
                "duplicate-field").body("errors.field", hasItem("text"));
    }
}
