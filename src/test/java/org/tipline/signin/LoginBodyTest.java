package org.tipline.signin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.tipline.directory.DemoDirectory;

/** Issue 12: a sign-in body that is missing, null or holds text PostgreSQL cannot store is a 400, not a 500. */
@QuarkusTest
class LoginBodyTest {

    private static ValidatableResponse login(String body) {
        return given().contentType("application/json").body(body).post("/api/v1/auth/login").then();
    }

    private static ValidatableResponse refused(String body, String code) {
        return login(body).statusCode(400).contentType(startsWith("application/problem+json")).body("code", equalTo(code));
    }

    @Test
    void shouldNameTheBodyWhenItIsNullOrEmpty() {
        refused("null", "validation-failed").body("errors.field", hasItem("(body)"));
        refused("", "validation-failed").body("errors.field", hasItem("(body)"));
    }

    @Test
    void shouldRefuseNulAndLoneSurrogatesInTheEmail() {
        refused("{\"email\":\"sro.kwhs\\u0000@demo.tipline.local\",\"password\":\"x\"}", "validation-failed")
                .body("errors.field", hasItem("email"));
        refused("{\"email\":\"sro.kwhs\\ud800@demo.tipline.local\",\"password\":\"x\"}", "validation-failed")
                .body("errors.field", hasItem("email"));
        refused("{\"email\":\"sro.kwhs@demo.tipline.local\",\"password\":\"x\\u0000\"}", "validation-failed")
                .body("errors.field", hasItem("password"));
    }

    @Test
    void shouldRefuseLenientJson() {
        String valid = "{\"email\":\"sro.kwhs@demo.tipline.local\",\"password\":\"" + DemoDirectory.DEMO_PASSWORD + "\"}";
        login(valid).statusCode(200);
        refused(valid + " x", "malformed-json");
        refused(valid.replace("{", "{\"password\":\"wrong\","), "duplicate-field").body("errors.field", hasItem("password"));
        refused("{\"email\":\"sro.kwhs@demo.tipline.local\",\"password\":12345678}", "wrong-type")
                .body("errors.field", hasItem("password"));
    }
}
