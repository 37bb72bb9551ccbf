package org.tipline.support;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Submits tips whose every field carries a marker, so that tests can look for it where it must not be. */
public final class MarkedTips {

    private static final String KELLY_WALSH = UUID.nameUUIDFromBytes(
            "tipline-demo:school:Kelly Walsh High School".getBytes(StandardCharsets.UTF_8)).toString();

    private MarkedTips() {
    }

    /** Submits a tip of Kelly Walsh High School with the marker in every text field; returns its reference. */
    public static String submit(String category, String marker) {
        return submit(category, marker, UUID.fromString(KELLY_WALSH));
    }

    /** The same, for another school. */
    public static String submit(String category, String marker, UUID schoolId) {
        Map<String, Object> tip = new HashMap<>();
        tip.put("schoolId", schoolId.toString());
        tip.put("category", category);
        tip.put("description", "He said " + marker + " would bring it to school.");
        tip.put("happeningNow", false);
        tip.put("location", "locker " + marker);
        tip.put("when", "Friday " + marker);
        tip.put("peopleInvolved", marker + " and friends");
        tip.put("reporterContact", marker + "@example.org");
        return given().contentType("application/json").body(tip).header(Proofs.tip()).post("/api/v1/tips").then().statusCode(201)
                .extract().path("reference");
    }
}
