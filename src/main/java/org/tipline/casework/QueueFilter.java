package org.tipline.casework;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.tipline.directory.Category;
import org.tipline.platform.InvalidParameterException;
import org.tipline.platform.Parameters;
import org.tipline.tip.TipReference;
import org.tipline.tip.TipStatus;
import org.tipline.tip.Urgency;

/**
 * The queue's filters and paging, parsed and checked (a bad value is a 400 that names it).
 *
 * @param reference one tip's public reference, as staff read it out to each other ("T-2026-000123"); upper case
 */
public record QueueFilter(Optional<TipStatus> status, Optional<Urgency> urgency, Optional<UUID> school, Optional<String> category,
        Optional<String> reference, boolean overdueOnly, int page, int size) {

    public static QueueFilter parse(String status, String urgency, String school, String category, String reference,
            String overdue, String page, String size) {
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
                reference(reference),
                Parameters.flag("overdue", overdue),
                Parameters.number("page", page, 0, 0, Integer.MAX_VALUE),
                Parameters.number("size", size, 25, 1, 100));
    }

    private static Optional<String> reference(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(TipReference.parse(value)
                .orElseThrow(() -> new InvalidParameterException("reference", "a tip reference such as T-2026-000123")));
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
