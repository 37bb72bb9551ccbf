package org.tipline.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.Header;
import io.restassured.specification.RequestSpecification;
import org.tipline.abuse.ProofCheck;

/** Proofs of work as a client makes them: a challenge from the service, solved by trying nonces 0, 1, 2 ... */
public final class Proofs {

    private Proofs() {
    }

    /** The Tipline-Proof header for one tip. */
    public static Header tip() {
        return new Header("Tipline-Proof", solved("tip"));
    }

    /** The Tipline-Proof header for one case-code session. */
    public static Header followup() {
        return new Header("Tipline-Proof", solved("followup"));
    }

    /** A fresh challenge of this purpose, solved: {@code <token>:<nonce>}. */
    public static String solved(String purpose) {
        return solved(given(), purpose);
    }

    /** A fresh challenge of the service at {@code baseUri} (a packaged application), solved. */
    public static String solved(String baseUri, String purpose) {
        return solved(given().baseUri(baseUri), purpose);
    }

    private static String solved(RequestSpecification service, String purpose) {
        var challenge = service.queryParam("purpose", purpose).get("/api/v1/challenge").then().statusCode(200)
                .extract().jsonPath();
        return solve(challenge.getString("token"), challenge.getInt("difficulty"));
    }

    /** The first nonce that solves the token, with the token: what the header carries. */
    public static String solve(String token, int difficulty) {
        for (long nonce = 0;; nonce++) {
            if (ProofCheck.solves(token, Long.toString(nonce), difficulty)) {
                return token + ":" + nonce;
            }
        }
    }
}
