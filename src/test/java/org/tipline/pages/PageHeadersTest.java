package org.tipline.pages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pages' HTTP answers: a strict content policy, nothing cached, no referrer, no cookie, no framing. */
@QuarkusTest
class PageHeadersTest {

    @ParameterizedTest
    @ValueSource(strings = { "/", "/followup", "/console", "/console/tips/6a2f41a0-8f55-4bc9-9d0b-52b1e3c1b8d4",
            "/console/admin", "/console/admin/import", "/assets/app.css", "/assets/tip.js", "/assets/followup.js",
            "/assets/console-admin.js", "/assets/vendor/argon2.umd.min.js", "/assets/casecode-worker.js" })
    void shouldServeEveryPageAndAssetWithTheStrictHeaders(String path) {
        given().get(path).then().statusCode(200)
                .header("Content-Security-Policy", equalTo("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
                        + "img-src 'self' data:; connect-src 'self'; font-src 'self'; form-action 'self'; "
                        + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Set-Cookie", nullValue())
                .header("Date", org.hamcrest.Matchers.matchesPattern("[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "/followup", "/console" })
    void shouldServePagesThatLoadOnlyTheirOwnScripts(String path) {
        given().get(path).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<script type=\"module\" src=\"/assets/"))
                .body(org.hamcrest.Matchers.not(containsString("http://")))
                .body(org.hamcrest.Matchers.not(containsString("https://")))
                .body(org.hamcrest.Matchers.not(containsString(" style=")))
                .body(org.hamcrest.Matchers.not(containsString(" onclick=")));
    }
}
