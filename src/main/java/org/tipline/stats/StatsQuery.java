package org.tipline.stats;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.tipline.platform.InvalidParameterException;
import org.tipline.platform.Parameters;

/**
 * The question asked of the statistics: tips submitted from {@code from} to {@code to} (both days included, in the
 * time zone of the district asked about, else the tip line's), of a district or school or all, broken down by up to
 * three dimensions.
 */
record StatsQuery(LocalDate from, LocalDate to, Optional<UUID> district, Optional<UUID> school, List<Dimension> groupBy) {

    static final int MAX_DIMENSIONS = 3;
    /** A longer period would let a query run over the whole table many times; a year and a bit is what reports need. */
    static final int MAX_DAYS = 400;

    static StatsQuery parse(String from, String to, String district, String school, String groupBy, LocalDate today) {
        LocalDate end = date("to", to).orElse(today);
        LocalDate start = date("from", from).orElse(schoolYearStart(end));
        if (start.isAfter(end) || start.plusDays(MAX_DAYS).isBefore(end)) {
            throw new InvalidParameterException("from", "a day on or before 'to', at most " + MAX_DAYS + " days before it");
        }
        return new StatsQuery(start, end, Parameters.optionalUuid("district", district),
                Parameters.optionalUuid("school", school), dimensions(groupBy));
    }

    /** 1 August of the school year that {@code day} falls in. */
    static LocalDate schoolYearStart(LocalDate day) {
        int year = day.getMonthValue() >= 8 ? day.getYear() : day.getYear() - 1;
        return LocalDate.of(year, 8, 1);
    }

    StatsQuery withGroupBy(Dimension... dimensions) {
        return new StatsQuery(from, to, district, school, List.of(dimensions));
    }

    /** Whether the answer describes fewer people than a district: then small counts are suppressed. */
    boolean belowDistrict() {
        return school.isPresent() || groupBy.stream().anyMatch(Dimension::belowDistrict);
    }

    private static Optional<LocalDate> date(String name, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() >= 2000 && date.getYear() <= 9999) {
                return Optional.of(date);
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new InvalidParameterException(name, "a day from 2000-01-01 to 9999-12-31 such as 2026-08-01");
    }

    private static List<Dimension> dimensions(String value) {
        List<Dimension> dimensions = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return dimensions;
        }
        for (String name : value.split(",", -1)) {
            Dimension dimension;
            try {
                dimension = Dimension.valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("groupBy", "a comma-separated list of at most " + MAX_DIMENSIONS
                        + " of month, category, school, district, channel, outcome, urgency, each once");
            }
            if (dimensions.contains(dimension) || dimensions.size() == MAX_DIMENSIONS) {
                throw new InvalidParameterException("groupBy", "a comma-separated list of at most " + MAX_DIMENSIONS
                        + " of month, category, school, district, channel, outcome, urgency, each once");
            }
            dimensions.add(dimension);
        }
        return dimensions;
    }
}
