package org.tipline.casework;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.tipline.directory.Category;
import org.tipline.platform.InvalidParameterException;
import org.tipline.platform.Parameters;
import org.tipline.tip.TipStatus;
import org.tipline.tip.Urgency;

/** The queue's filters and paging, parsed and checked (a bad value is a 400 that names it). */
public record QueueFilter(Optional<TipStatus> status, Optional<Urgency> urgency, Optional<UUID> school, Optional<String> category,
        boolean overdueOnly, int page, int size) {

    public static QueueFilter parse(String status, String urgency, String school, String category, String overdue, String page,
            String size) {
        return new QueueFilter(
                oneOf("status", status, TipStatus.class),
                oneOf("urgency", urgency, Urgency.class),
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

    private static <E extends Enum<E>> Optional<E> oneOf(String name, String value, Class<E> type) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return Optional.of(constant);
            }
        }
        throw new InvalidParameterException(name,
                "one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).sorted().toList()));
    }
}
