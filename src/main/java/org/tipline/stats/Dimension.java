package org.tipline.stats;

import java.util.Locale;

/** What statistics can be broken down by, and the SQL expression of each over the statistics' base rows. */
enum Dimension {
    MONTH("b.month", "to_char(b.month, 'YYYY-MM')"),
    CATEGORY("b.category"),
    SCHOOL("b.school_id", "coalesce(b.school_id::text, 'none')"),
    DISTRICT("b.district_id", "coalesce(b.district_id::text, 'none')"),
    CHANNEL("b.channel"),
    OUTCOME("b.outcome", "coalesce(b.outcome, 'OPEN')"),
    URGENCY("b.urgency");

    /** What rows are grouped by: the column itself where it can be, which sorts and hashes cheaper than text. */
    final String sql;
    /** The group's value as text, computed once per group from {@link #sql}. */
    final String label;

    Dimension(String sql) {
        this(sql, sql);
    }

    Dimension(String sql, String label) {
        this.sql = sql;
        this.label = label;
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
