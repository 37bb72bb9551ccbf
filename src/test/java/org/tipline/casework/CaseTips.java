package org.tipline.casework;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.Map;
import java.util.UUID;
import org.tipline.tip.Tip;
import org.tipline.support.Proofs;

/** Tips that case-work tests act on. */
final class CaseTips {

    static final String KELLY_WALSH = UUID.nameUUIDFromBytes("tipline-demo:school:Kelly Walsh High School".getBytes()).toString();

    private CaseTips() {
    }

    /** A new standard tip of Kelly Walsh High School; returns its id. */
    static String newKellyWalshTip() {
        String reference = given().contentType("application/json")
                .body(Map.of("schoolId", KELLY_WALSH, "category", "FIGHTING", "description", "Fight planned after school.",
                        "happeningNow", false))
                .header(Proofs.tip()).post("/api/v1/tips").then().statusCode(201).extract().path("reference");
        return QuarkusTransaction.requiringNew().call(() -> Tip.<Tip>find("reference", reference).singleResult().id().toString());
    }
}
