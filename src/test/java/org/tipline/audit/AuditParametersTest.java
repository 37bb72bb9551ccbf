package org.tipline.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.tipline.support.StaffTokens;

/**
 * Issue 12: audit filters that PostgreSQL cannot take (NUL in text, an offset beyond int, an instant outside
 * its timestamp range) are 400s naming the parameter, not 500s.
 */
@QuarkusTest
class AuditParametersTest {

    private static final String ANALYST = StaffTokens.forDemo("analyst", "ANALYST");

    private static void refused(String query, String parameter) {
        given().auth().oauth2(ANALYST).urlEncodingEnabled(false).get("/api/v1/audit" + query).then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("invalid-parameter"))
                .body("detail", containsString("'" + parameter + "'"));
    }

    @Test
    void shouldRefuseNulAndLoneSurrogatesInTextFilters() {
        refused("?actor=%00", "actor");
        refused("?actor=system%00", "actor");
        refused("?action=TIP_READ%00", "action");
        refused("?action=" + "A".repeat(201), "action");
    }

    @Test
    void shouldRefuseAPageWhoseOffsetOverflows() {
        refused("?page=2147483647&size=200", "page");
        refused("?page=10737419&size=200", "page");
        refused("?page=2147483647", "page");
        given().auth().oauth2(ANALYST).get("/api/v1/audit?page=10737418&size=200").then().statusCode(200);
    }

    @Test
    void shouldRefuseInstantsOutsideTheDatabaseRange() {
        refused("?from=%2B300000-01-01T00:00:00Z", "from");
        refused("?to=%2B300000-01-01T00:00:00Z", "to");
        refused("?from=-5000-01-01T00:00:00Z", "from");
        refused("?to=-5000-01-01T00:00:00Z", "to");
        refused("?from=%2B10000-01-01T00:00:00Z", "from");
        given().auth().oauth2(ANALYST).get("/api/v1/audit?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z")
                .then().statusCode(200);
    }

    @Test
    void shouldStillFilterByOrdinaryText() {
        given().auth().oauth2(ANALYST).get("/api/v1/audit?actor=system&action=TIP_READ").then().statusCode(200);
    }
}
