package org.tipline.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code openapi.yaml}, the public contract, equal to the document the service serves: paths,
 * operations, parameters, request bodies, responses and schemas alike.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final int MAX_REPORTED = 25;

    @Test
    void shouldServeExactlyTheContractOfOpenapiYaml() throws IOException {
        JsonNode contract = YAML.readTree(Path.of("openapi.yaml").toFile());
        JsonNode served = YAML.readTree(given().get("/q/openapi").then().statusCode(200).extract().asString());

        List<String> differences = new ArrayList<>();
        compare("", contract, served, differences);

        assertThat(differences)
                .as("openapi.yaml differs from GET /q/openapi. If the change is intended, update the contract "
                        + "from the running service (./mvnw quarkus:dev, then curl -s localhost:8080/q/openapi "
                        + "> openapi.yaml) and review the diff. Differences (JSON pointers)")
                .isEmpty();
    }

    @Test
    void shouldReportAChangedOperation() {
        JsonNode contract = YAML.valueToTree(java.util.Map.of("paths", java.util.Map.of("/a", java.util.Map.of("get", "x"))));
        JsonNode served = YAML.valueToTree(java.util.Map.of("paths", java.util.Map.of("/a", java.util.Map.of("post", "x"))));

        List<String> differences = new ArrayList<>();
        compare("", contract, served, differences);

        assertThat(differences).containsExactly("/paths/~1a/get: only in openapi.yaml",
                "/paths/~1a/post: served but not in openapi.yaml");
    }

    private static void compare(String pointer, JsonNode contract, JsonNode served, List<String> differences) {
        if (differences.size() >= MAX_REPORTED) {
            return;
        }
        if (contract.isObject() && served.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            contract.fieldNames().forEachRemaining(names::add);
            served.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!served.has(name)) {
                    differences.add(child + ": only in openapi.yaml");
                } else if (!contract.has(name)) {
                    differences.add(child + ": served but not in openapi.yaml");
                } else {
                    compare(child, contract.get(name), served.get(name), differences);
                }
            }
        } else if (contract.isArray() && served.isArray() && contract.size() == served.size()) {
            for (int i = 0; i < contract.size(); i++) {
                compare(pointer + "/" + i, contract.get(i), served.get(i), differences);
            }
        } else if (!contract.equals(served)) {
            differences.add(pointer + ": openapi.yaml has " + contract + ", served " + served);
        }
    }
}
