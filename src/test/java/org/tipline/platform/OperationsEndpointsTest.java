package org.tipline.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Health and metrics answer on the management port only (issue 12): on the public port the request counters
 * would show tip submissions as they happen. The public port keeps the API, the pages and the OpenAPI document.
 */
@QuarkusTest
class OperationsEndpointsTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @TestHTTPResource("/")
    URL application;

    private RequestSpecification onManagementPort() {
        return given().port(management.getPort());
    }

    @Test
    void shouldServeManagementOnItsOwnPort() {
        assertThat(management.getPort()).isPositive().isNotEqualTo(application.getPort());
    }

    @Test
    void shouldReportLive() {
        onManagementPort().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void shouldReportReadyOnlyWithTheDatabaseChecked() {
        onManagementPort().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void shouldServePrometheusMetrics() {
        given().get("/api/v1/categories").then().statusCode(200);

        onManagementPort().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count{"))
                .body(containsString("uri=\"/api/v1/categories\""));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/q/metrics", "/q/health", "/q/health/live", "/q/health/ready", "/q/health/started" })
    void shouldKeepHealthAndMetricsOffThePublicPort(String path) {
        given().get(path).then().statusCode(404)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void shouldServeTheOpenApiDocument() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Tipline API"));
    }

    @Test
    void shouldKeepTheApiOffTheManagementPort() {
        onManagementPort().get("/api/v1/categories").then().statusCode(404);
        onManagementPort().get("/q/openapi").then().statusCode(404);
    }
}
