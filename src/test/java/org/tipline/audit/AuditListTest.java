package org.tipline.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.tip.Tip;
import org.tipline.support.DirectoryFixtures;
import org.tipline.support.StaffTokens;
import org.tipline.support.Proofs;

@QuarkusTest
class AuditListTest {

    private static final String KELLY_WALSH = UUID.nameUUIDFromBytes("tipline-demo:school:Kelly Walsh High School".getBytes()).toString();

    private static String tipAt(String schoolId) {
        String reference = given().contentType("application/json")
                .body(Map.of("schoolId", schoolId, "category", "OTHER", "description", "Audit listing test tip.", "happeningNow", false))
                .header(Proofs.tip()).post("/api/v1/tips").then().statusCode(201).extract().path("reference");
        return QuarkusTransaction.requiringNew().call(() -> Tip.<Tip>find("reference", reference).singleResult().id().toString());
    }

    private static List<String> tipIds(String token, String query) {
        return given().auth().oauth2(token).get("/api/v1/audit" + query).then().statusCode(200)
                .extract().jsonPath().getList("items.tipId", String.class);
    }

    @Test
    void shouldShowACoordinatorTheirDistrictOnlyAndAnAnalystEverything() {
        String ours = tipAt(KELLY_WALSH);
        District elsewhere = DirectoryFixtures.district();
        School school = DirectoryFixtures.school(elsewhere, DirectoryFixtures.agency(), DirectoryFixtures.unique("Audit High"), true);
        String theirs = tipAt(school.id.toString());
        String analyst = StaffTokens.forDemo("analyst", "ANALYST");
        given().auth().oauth2(analyst).get("/api/v1/staff/tips/" + ours).then().statusCode(200);
        given().auth().oauth2(analyst).get("/api/v1/staff/tips/" + theirs).then().statusCode(200);
        String coordinator = StaffTokens.forDemo("coordinator", "COORDINATOR");

        assertThat(tipIds(coordinator, "?tip=" + ours)).containsExactly(ours);
        assertThat(tipIds(coordinator, "?tip=" + theirs)).isEmpty();
        assertThat(tipIds(analyst, "?tip=" + theirs + "&action=TIP_READ")).containsExactly(theirs);
        given().auth().oauth2(analyst).get("/api/v1/audit?action=TIP_READ&size=1").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].action", equalTo("TIP_READ"));
    }

    @Test
    void shouldNameABadParameter() {
        String analyst = StaffTokens.forDemo("analyst", "ANALYST");
        for (String query : List.of("?tip=1", "?from=yesterday", "?to=2026-13-01", "?size=0", "?page=x")) {
            String parameter = query.substring(1, query.indexOf('='));
            given().auth().oauth2(analyst).get("/api/v1/audit" + query).then().statusCode(400)
                    .body("detail", containsString("'" + parameter + "'"));
        }
    }

    @Test
    void shouldKeepSrosOut() {
        given().auth().oauth2(StaffTokens.forDemo("sro.kwhs", "SRO")).get("/api/v1/audit").then().statusCode(403);
    }
}
