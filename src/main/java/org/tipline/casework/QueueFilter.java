package org.tipline.casework;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tipline.directory.Category;
import org.tipline.platform.InvalidParameterException;
import org.tipline.platform.Parameters;

/** The queue's filters and paging, parsed and checked (a bad value is a 400 that names it). */
record QueueFilter(Optional<String> status, Optional<String> urgency, Optional<UUID> school, Optional<String> category,
        boolean overdueOnly, int page, int size) {

    private static final Set<String> STATUSES = Set.of("NEW", "ACKNOWLEDGED", "IN_PROGRESS", "CLOSED");
    private static final Set<String> URGENCIES = Set.of("LIFE_SAFETY", "STANDARD");

    static QueueFilter parse(String status, String urgency, String school, String category, String overdue, String page,
            String size) {
        return new QueueFilter(
                oneOf("status", status, STATUSES),
                oneOf("urgency", urgency, URGENCIES),
                Parameters.optionalUuid("school", school),
                Optional.ofNullable(category).filter(c -> !c.isEmpty()).map(c -> {
                    if (!Category.isKnown(c)) {
                        throw new InvalidParameterException("category", "a code from GET /api/v1/categories");
                    }
                    return c;
                }),
                bool("overdue", overdue),
                number("page", page, 0, 0, Integer.MAX_VALUE),
                number("size", size, 25, 1, 100));
    }

    private static Optional<String> oneOf(String name, String value, Set<String> allowed) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (!allowed.contains(value)) {
            throw new InvalidParameterException(name, "one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return Optional.of(value);
    }

    private static boolean bool(String name, String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidParameterException(name, "true or false");
        }
        return Boolean.parseBoolean(value);
    }

    private static int number(String name, String value, int defaultValue, int min, int max) {
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
