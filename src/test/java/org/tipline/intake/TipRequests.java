package org.tipline.intake;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.tipline.support.Proofs;

/** Builds tip requests for the intake tests. */
final class TipRequests {

    static final String KELLY_WALSH = UUID.nameUUIDFromBytes(
            "tipline-demo:school:Kelly Walsh High School".getBytes(StandardCharsets.UTF_8)).toString();

    private TipRequests() {
    }

    static Map<String, Object> validTip() {
        Map<String, Object> tip = new HashMap<>();
        tip.put("schoolId", KELLY_WALSH);
        tip.put("category", "WEAPON");
        tip.put("description", "A student showed a knife in the east stairwell.");
        tip.put("happeningNow", false);
        tip.put("location", "east stairwell");
        tip.put("when", "this morning");
        tip.put("peopleInvolved", "a ninth grader");
        tip.put("reporterContact", null);
        tip.put("language", "en");
        return tip;
    }

    static ValidatableResponse post(Object body) {
        return given().contentType("application/json").body(body).header(Proofs.tip()).post("/api/v1/tips").then();
    }
}
