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
                Parameters.flag("overdue", overdue),
                Parameters.number("page", page, 0, 0, Integer.MAX_VALUE),
                Parameters.number("size", size, 25, 1, 100));
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
}
