package org.tipline.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * JSON bodies for the fuzz test, built from an operation's request schema and then spoilt by at least one
 * defect that every endpoint must refuse: an unknown field, NUL or a lone surrogate in a string, a value of
 * another JSON type, a repeated key, text after the value, broken syntax or bytes, a scalar or array instead
 * of the object. A body that a correct server would accept is never produced, so the run stores nothing.
 */
final class MalformedJson {

    /** Strings that PostgreSQL or UTF-8 cannot keep, as JSON escapes. */
    private static final String[] UNSTORABLE = { "\\u0000", "\\ud800", "\\udfff", "\\udc00\\ud83d", "a\\u0000b" };

    /** JSON values of every type but string, with huge, negative and odd numbers among them. */
    private static final String[] NOT_STRINGS = { "0", "-1", "1.5", "1e308", "-1e-308", "12345678901234567890123", "true", "false",
        "[]", "{}", "[\"x\"]", "{\"a\":1}", "-0", "9223372036854775808" };

    /** Text after a complete value; each holds a token, so none is mere whitespace. */
    private static final String[] TRAILING = { " x", "{}", "]", ",", " null", " 1", "//", "\"\"", "}" };

    private final JsonNode components;
    private final Random random;

    MalformedJson(JsonNode components, Random random) {
        this.components = components;
        this.random = random;
    }

    /** A plausible body for {@code schema}, then spoilt; as bytes, since some defects are not valid UTF-8. */
    byte[] body(JsonNode schema, Map<String, List<String>> validIds) {
        Map<String, String> fields = plausible(schema, validIds);
        String json = switch (random.nextInt(12)) {
            case 0 -> object(withField(fields, "zz" + random.nextInt(1000), pick(NOT_STRINGS)));
            case 1 -> object(replaceOne(fields, schema, true));
            case 2 -> object(replaceOne(fields, schema, false));
            case 3 -> repeatKey(fields);
            case 4 -> object(fields) + pick(TRAILING);
            case 5 -> truncated(object(fields));
            case 6 -> pick(new String[] { "null", "[]", "\"text\"", "42", "true", "", " ", "[" + object(fields) + "]", "NaN" });
            case 7 -> object(withField(fields, pickKey(fields), nested(random.nextBoolean(), 3000)));
            case 8 -> object(withField(fields, pickKey(fields), "1" + "0".repeat(1200)));
            case 9 -> object(withField(fields, pickKey(fields), pick(new String[] { "NaN", "Infinity", "-Infinity", "undefined",
                "'single'", "0x10", "01", "+1", ".5", "1.", "tru" })));
            case 10 -> "\uFEFF" + object(withField(fields, "zz", "1")); // a byte order mark, and still a defect
            default -> null; // bytes that are not UTF-8, below
        };
        if (json == null) {
            return badBytes(object(fields));
        }
        return json.getBytes(random.nextInt(10) == 0 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8);
    }

    /** A field by field body (JSON text per value) in the shape of {@code schema}. */
    private Map<String, String> plausible(JsonNode schema, Map<String, List<String>> validIds) {
        JsonNode resolved = resolve(schema);
        Map<String, String> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> properties = resolved.path("properties").fields(); properties.hasNext();) {
            Map.Entry<String, JsonNode> property = properties.next();
            fields.put(property.getKey(), plausibleValue(property.getKey(), resolve(property.getValue()), validIds));
        }
        return fields;
    }

    private String plausibleValue(String name, JsonNode schema, Map<String, List<String>> validIds) {
        if (schema.has("enum")) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size())).toString();
        }
        return switch (schema.path("type").asText("string")) {
            case "boolean" -> Boolean.toString(random.nextBoolean());
            case "integer", "number" -> Integer.toString(random.nextInt(100));
            case "object" -> "{}";
            case "array" -> "[]";
            default -> "uuid".equals(schema.path("format").asText())
                    ? quote(validIds.getOrDefault(name, List.of(UUID.randomUUID().toString())).get(0))
                    : quote("fuzz text " + random.nextInt(1000) + " é 🚨");
        };
    }

    /** One field gets unstorable text (when it is a string) or a value of another JSON type. */
    private Map<String, String> replaceOne(Map<String, String> fields, JsonNode schema, boolean unstorable) {
        List<String> strings = new ArrayList<>();
        fields.forEach((key, value) -> {
            if (value.startsWith("\"")) {
                strings.add(key);
            }
        });
        if (strings.isEmpty()) {
            return withField(fields, "zz", "1");
        }
        String key = strings.get(random.nextInt(strings.size()));
        String value = unstorable ? "\"fuzz " + pick(UNSTORABLE) + "\"" : pick(NOT_STRINGS);
        return withField(fields, key, value);
    }

    private String repeatKey(Map<String, String> fields) {
        if (fields.isEmpty()) {
            return "{\"zz\":1,\"zz\":2}";
        }
        String key = pickKey(fields);
        String object = object(fields);
        return object.substring(0, object.length() - 1) + ",\"" + key + "\":" + fields.get(key) + "}";
    }

    /** Cut anywhere before the closing brace: never valid JSON. */
    private String truncated(String object) {
        return object.substring(0, random.nextInt(object.length()));
    }

    /** Not UTF-8: a stray continuation byte, an invalid start byte, or the overlong and surrogate forms that decoders sometimes let through. */
    private byte[] badBytes(String object) {
        byte[][] bad = { { (byte) 0xFF }, { (byte) 0xC3, 0x28 }, { (byte) 0xC0, (byte) 0x80 }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
            { (byte) 0x80 }, { (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 } };
        String marker = "\"zz\":\"";
        String withMarker = object.length() > 2 ? "{" + marker + "@\"," + object.substring(1) : "{" + marker + "@\"}";
        byte[] text = withMarker.getBytes(StandardCharsets.UTF_8);
        int at = withMarker.indexOf('@');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(text, 0, at);
        out.writeBytes(bad[random.nextInt(bad.length)]);
        out.write(text, at + 1, text.length - at - 1);
        return out.toByteArray();
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return components.path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        if (schema.has("allOf")) {
            return resolve(schema.get("allOf").get(0));
        }
        return schema;
    }

    /** Nested deeper than Jackson's limit on nesting. */
    private static String nested(boolean arrays, int depth) {
        return arrays ? "[".repeat(depth) + "1" + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private static Map<String, String> withField(Map<String, String> fields, String key, String value) {
        Map<String, String> changed = new LinkedHashMap<>(fields);
        changed.put(key, value);
        return changed;
    }

    private String pickKey(Map<String, String> fields) {
        if (fields.isEmpty()) {
            return "zz";
        }
        List<String> keys = new ArrayList<>(fields.keySet());
        return keys.get(random.nextInt(keys.size()));
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    static String object(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((key, value) -> json.append(json.length() > 1 ? "," : "").append(quote(key)).append(':').append(value));
        return json.append('}').toString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
