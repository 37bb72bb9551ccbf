package org.tipline.platform;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/**
 * Parses request parameters, answering a 400 problem that names the parameter. JAX-RS would turn a
 * malformed {@code UUID} parameter into a bare 404, which tells the client nothing.
 */
public final class Parameters {

    private Parameters() {
    }

    public static UUID uuid(String name, String value) {
        try {
            if (value == null || value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(name, "a UUID such as 3f2b9c1e-8d4a-4f6b-9e2d-1a7c5b3e9f80");
        }
    }

    public static Optional<UUID> optionalUuid(String name, String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(uuid(name, value));
    }

    public static Optional<Instant> optionalInstant(String name, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "an ISO-8601 instant such as 2026-11-29T15:00:00Z");
        }
    }

    public static boolean flag(String name, String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidParameterException(name, "true or false");
        }
        return Boolean.parseBoolean(value);
    }

    public static int number(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameterException(name, "a whole number from " + min + " to " + max);
    }
}
