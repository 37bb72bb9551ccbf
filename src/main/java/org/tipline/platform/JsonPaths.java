package org.tipline.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Renders Jackson's path to a failing value as the client wrote it, e.g. {@code details[2].name}. */
final class JsonPaths {

    private JsonPaths() {
    }

    static String of(List<JsonMappingException.Reference> path) {
        if (path.isEmpty()) {
            return "(body)";
        }
        String joined = path.stream()
                .map(reference -> reference.getFieldName() != null ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining());
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    /**
     * The path of a key that appears twice in one object, when {@code e} is the parser's refusal of it
     * ({@code STRICT_DUPLICATE_DETECTION}). Jackson 2 has no exception type of its own for this, so its
     * fixed message tells it apart; the parser still stands on the repeated key.
     */
    static Optional<String> duplicateField(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Duplicate field '") && e.getProcessor() instanceof JsonParser parser) {
            return Optional.of(of(parser.getParsingContext()));
        }
        return Optional.empty();
    }

    private static String of(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext level = context; level != null && !level.inRoot(); level = level.getParent()) {
            if (level.inArray()) {
                parts.addFirst("[" + level.getCurrentIndex() + "]");
            } else if (level.getCurrentName() != null) {
                parts.addFirst("." + level.getCurrentName());
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined.isEmpty() ? "(body)" : joined;
    }
}
