package org.tipline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The path of a repeated key is named as the client wrote it, at any depth. */
class JsonPathsTest {

    private static final ObjectMapper STRICT = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static String duplicateIn(String json) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> STRICT.readValue(json, Map.class));
        return JsonPaths.duplicateField(e).orElseThrow();
    }

    @Test
    void shouldNameTheRepeatedKey() {
        assertThat(duplicateIn("{\"category\":\"WEAPON\",\"category\":\"OTHER\"}")).isEqualTo("category");
        assertThat(duplicateIn("{\"a\":{\"b\":1,\"b\":2}}")).isEqualTo("a.b");
        assertThat(duplicateIn("{\"a\":[{\"b\":1},{\"c\":1,\"c\":2}]}")).isEqualTo("a[1].c");
    }

    @Test
    void shouldNotTakeOtherSyntaxErrorsForADuplicate() {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> STRICT.readValue("{\"category\": WEAPON}", Map.class));
        assertThat(JsonPaths.duplicateField(e)).isEmpty();
    }
}
