package org.tipline.stats;

import java.util.Locale;

/** What statistics can be broken down by, and the SQL expression of each over the statistics' base rows. */
enum Dimension {
    MONTH("to_char(b.local_at, 'YYYY-MM')"),
    CATEGORY("b.category"),
    SCHOOL("coalesce(b.school_id::text, 'none')"),
    DISTRICT("coalesce(b.district_id::text, 'none')"),
    CHANNEL("b.channel"),
    OUTCOME("coalesce(b.outcome, 'OPEN')"),
    URGENCY("b.urgency");

    final String sql;

    Dimension(String sql) {
        this.sql = sql;
    }

    /** The name used in {@code groupBy} and as a key of each cell: {@code month}, {@code category}, ... */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Below district level: a breakdown by it is subject to small-cell suppression. */
    boolean belowDistrict() {
        return this == SCHOOL;
    }
}
