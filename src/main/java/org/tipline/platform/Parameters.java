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

    private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant AFTER_LAST_INSTANT = Instant.parse("+10000-01-01T00:00:00Z");

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

    /**
     * An instant in the years 1 to 9999. {@link Instant} reaches a billion years either way, PostgreSQL's
     * timestamps only 4713 BC to 294276 AD; beyond them the query fails instead of finding nothing.
     */
    public static Optional<Instant> optionalInstant(String name, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            Instant instant = Instant.parse(value);
            if (!instant.isBefore(FIRST_INSTANT) && instant.isBefore(AFTER_LAST_INSTANT)) {
                return Optional.of(instant);
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new InvalidParameterException(name, "an ISO-8601 instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z, "
                + "such as 2026-11-29T15:00:00Z");
    }

    /** Free text such as an audit actor: at most {@code maxLength} characters, and {@link StorableText}. */
    public static Optional<String> optionalText(String name, String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > maxLength || !StorableText.isStorable(value)) {
            throw new InvalidParameterException(name,
                    "text of at most " + maxLength + " characters that " + StorableText.REASON);
        }
        return Optional.of(value);
    }

    /**
     * A page number from 0 whose first row, page × size, still fits the {@code int} offsets of JPA
     * ({@code Query.setFirstResult}); a larger one overflowed into a negative offset and a 500.
     */
    public static int pageNumber(String name, String value, int size) {
        return number(name, value, 0, 0, Integer.MAX_VALUE / size);
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
