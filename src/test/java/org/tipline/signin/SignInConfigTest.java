package org.tipline.signin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** In built-in mode the console is told to show its own password form, and nothing about any provider. */
@QuarkusTest
class SignInConfigTest {

    @Test
    void shouldTellTheConsoleToSignInHere() {
        given().get("/api/v1/auth/config").then().statusCode(200)
                .contentType("application/json")
                .body("mode", equalTo("built-in"))
                .body("provider", nullValue());
    }
}
