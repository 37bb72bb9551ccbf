package org.tipline.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.tipline.support.LogCapture;

@QuarkusTest
class ProblemDetailsTest {

    private static ValidatableResponse assertProblem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("status", equalTo(status))
                .body("code", equalTo(code))
                .body("type", equalTo("urn:tipline:problem:" + code))
                .body("title", not(org.hamcrest.Matchers.emptyOrNullString()))
                .body("detail", not(org.hamcrest.Matchers.emptyOrNullString()));
    }

    @Test
    void shouldAnswerUnknownApiRouteWithProblem404() {
        assertProblem(given().get("/api/v1/no-such-thing").then(), 404, "not-found");
    }

    @Test
    void shouldAnswerUnknownRouteOutsideApiWithProblem404() {
        assertProblem(given().get("/no-such-page").then(), 404, "not-found");
    }

    @Test
    void shouldAnswerWrongMethodWithProblem405() {
        assertProblem(given().delete("/api/v1/categories").then(), 405, "method-not-allowed");
    }

    @Test
    void shouldAnswerWrongMediaTypeWithProblem415() {
        assertProblem(given().contentType("text/plain").body("hello").post("/test-probe/echo").then(),
                415, "unsupported-media-type");
    }

    @Test
    void shouldAnswerUnacceptableAcceptWithProblem406() {
        assertProblem(given().accept("application/xml").get("/api/v1/categories").then(), 406, "not-acceptable");
    }

    @Test
    void shouldAnswerOversizedBodyWithProblem413() {
        String body = "{\"text\":\"" + "a".repeat(70 * 1024) + "\"}";
        assertProblem(given().contentType("application/json").body(body).post("/test-probe/echo").then(),
                413, "payload-too-large");
    }

    @Test
    void shouldAnswerABodyOfUnknownLengthWithProblem411() throws Exception {
        for (HttpClient.Version version : HttpClient.Version.values()) {
            HttpResponse<String> response = HttpClient.newBuilder().version(version).build().send(
                    HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/test-probe/echo"))
                            .header("Content-Type", "application/json")
                            // A publisher of unknown length: chunked in HTTP/1.1, no Content-Length in HTTP/2.
                            .POST(HttpRequest.BodyPublishers.ofInputStream(
                                    () -> new ByteArrayInputStream("{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(version.name()).isEqualTo(411);
            assertThat(response.headers().firstValue("Content-Type")).contains(Problem.MEDIA_TYPE);
            assertThat(response.body()).contains("\"code\":\"length-required\"");
        }
    }

    @Test
    void shouldAnswerMalformedJsonWithProblem400() {
        assertProblem(given().contentType("application/json").body("{\"text\": ").post("/test-probe/echo").then(),
                400, "malformed-json");
    }

    @Test
    void shouldNameUnknownField() {
        assertProblem(given().contentType("application/json").body("{\"text\":\"hi\",\"extra\":1}")
                .post("/test-probe/echo").then(), 400, "unknown-field")
                .body("errors.field", hasItem("extra"));
    }

    @Test
    void shouldNameFieldOfWrongType() {
        assertProblem(given().contentType("application/json").body("{\"text\":[1,2]}")
                .post("/test-probe/echo").then(), 400, "wrong-type")
                .body("errors.field", hasItem("text"));
    }

    @Test
    void shouldNameInvalidField() {
        assertProblem(given().contentType("application/json").body("{\"text\":\"   \"}")
                .post("/test-probe/echo").then(), 400, "validation-failed")
                .body("errors.field", hasItem("text"));
    }

    @Test
    void shouldAnswerBadParameterWithProblem400() {
        assertProblem(given().queryParam("district", "not-a-uuid").get("/api/v1/schools").then(),
                400, "invalid-parameter")
                .body("detail", containsString("district"));
    }

    @Test
    void shouldHideEverythingAboutAnUnexpectedFailure() {
        try (LogCapture log = LogCapture.start()) {
            String body = assertProblem(given().get("/test-probe/failure").then(), 500, "internal-error")
                    .extract().asString();

            assertThat(body).doesNotContain(ProblemProbeResource.SECRET_MARKER, "Exception", "at org.", "duplicate key");
            String incident = body.replaceAll(".*incident ([0-9a-f-]{36}).*", "$1");
            assertThat(log.all()).contains(incident, "IllegalStateException")
                    .doesNotContain(ProblemProbeResource.SECRET_MARKER);
        }
    }
}
