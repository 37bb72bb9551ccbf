package org.tipline.stats;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.postgresql.PGStatement;
import org.tipline.platform.Where;
import org.tipline.tip.Outcome;

/**
 * Every figure of the statistics, from the narrow copy of each tip's routing metadata that V29's triggers keep
 * ({@code tip_stats}: school, district, category, channel, urgency, status, outcome, incident link, local month and hour
 * of the week, durations, whether the reporter answered). Nothing is decrypted. The figures are split into statements
 * that run side by side on one snapshot ({@link SnapshotReads}): the counts of each cell (the totals are their sums),
 * the distinct incidents, the durations to acknowledge and to close, and the busiest hours. PostgreSQL counts; of the
 * durations it gathers each cell's, whose medians and 90th percentiles {@link Durations} picks.
 */
@ApplicationScoped
public class StatsSql {

    /**
     * One row per tip in range; local month and hour in the tip line's zone for tips without a school. PostgreSQL
     * folds this subquery into each statement, so only the columns a statement names are read.
     */
    private static final String BASE = "select t.*, coalesce(t.local_month, date_trunc('month', t.submitted_at at time zone ?)::date) "
            + "as month, t.urgency = 'LIFE_SAFETY' as life_safety from tip_stats t where ";

    private static final String COUNTS = "count(*), count(b.incident_id), count(*) filter (where b.life_safety), "
            + "count(*) filter (where b.closed), "
            + Arrays.stream(Outcome.values()).map(o -> "count(*) filter (where b.outcome = '" + o.name() + "')")
                    .collect(Collectors.joining(", ")) + ", "
            + "count(*) filter (where b.conversation), count(*) filter (where b.replied)";

    /** What to count: tips submitted in [from, to), of a district or school or all, as the caller may see them. */
    record Range(Instant from, Instant to, Optional<UUID> district, Optional<UUID> school, ZoneId defaultZone) {
    }

    /** One cell: its value of each dimension, in order, or the totals when there are none. */
    record Row(List<String> values, Tally tally) {
    }

    /** The busiest weekday (1 = Monday) and hour (0-23), local time; empty without tips. */
    record Peaks(Optional<Integer> weekday, Optional<Integer> hour) {
    }

    /** The cells of a breakdown in the order of their values, then the totals (the last row), and the busiest times. */
    record Counted(List<Row> rows, Peaks peaks) {
    }

    private final SnapshotReads reads;

    StatsSql(SnapshotReads reads) {
        this.reads = reads;
    }

    /** Every figure of the breakdown by {@code dimensions}. */
    public Counted count(Range range, List<Dimension> dimensions) {
        Query query = new Query(range, dimensions);
        reads.run(List.of(query::counts, query::durations, query::incidents, query::peaks));
        Map<List<String>, Cell> cells = query.cells;
        Cell totals = new Cell();
        cells.values().forEach(totals::add);
        query.incidents.forEach((key, distinct) -> cellOf(key, cells, totals).distinctIncidents = distinct);
        totals.acknowledge = times(query.acknowledge, cells, totals, (cell, times) -> cell.acknowledge = times);
        totals.close = times(query.close, cells, totals, (cell, times) -> cell.close = times);
        List<Row> rows = new ArrayList<>();
        if (dimensions.isEmpty()) {
            cells.clear(); // the one cell of a breakdown by nothing is the totals
        }
        cells.entrySet().stream().sorted(Map.Entry.comparingByKey(StatsSql::compareValues))
                .forEach(cell -> rows.add(new Row(cell.getKey(), cell.getValue().tally())));
        rows.add(new Row(List.of(), totals.tally()));
        return new Counted(rows, query.peaks);
    }

    /** Gives each cell the times of its durations of one kind ({@code set}); returns those of all cells' together. */
    private static Tally.Times[] times(Map<List<String>, Durations> byCell, Map<List<String>, Cell> cells, Cell totals,
            BiConsumer<Cell, Tally.Times[]> set) {
        Durations all = new Durations();
        byCell.forEach((key, durations) -> {
            set.accept(cellOf(key, cells, totals), durations.times());
            all.addAll(durations);
        });
        return all.times();
    }

    /** The totals are keyed by null: a breakdown by nothing has one cell, keyed by the empty list. */
    private static Cell cellOf(List<String> key, Map<List<String>, Cell> cells, Cell totals) {
        return key == null ? totals : cells.computeIfAbsent(key, k -> new Cell());
    }

    private static final Comparator<String> VALUE_ORDER = Comparator.nullsLast(Comparator.naturalOrder());

    private static int compareValues(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int order = VALUE_ORDER.compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /** The statements of one breakdown over one range. */
    private static final class Query {

        private final Range range;
        private final List<Dimension> dimensions;
        private final Where.Positional where;
        private final String labels;
        private final String keys;
        // What each statement read, each written by the one thread that runs it (see SnapshotReads.Read).
        private final Map<List<String>, Cell> cells = new HashMap<>();
        private final Map<List<String>, Long> incidents = new HashMap<>();
        private final Map<List<String>, Durations> acknowledge = new HashMap<>();
        private final Map<List<String>, Durations> close = new HashMap<>();
        private Peaks peaks;

        Query(Range range, List<Dimension> dimensions) {
            this.range = range;
            this.dimensions = dimensions;
            this.where = new Where()
                    .and("t.submitted_at >= :from", "from", OffsetDateTime.ofInstant(range.from(), ZoneOffset.UTC))
                    .and("t.submitted_at < :to", "to", OffsetDateTime.ofInstant(range.to(), ZoneOffset.UTC))
                    .andIf(range.district(), "t.district_id = :district", "district")
                    .andIf(range.school(), "t.school_id = :school", "school")
                    .positional();
            this.labels = dimensions.stream().map(d -> d.label + ", ").collect(Collectors.joining());
            this.keys = dimensions.stream().map(d -> d.sql).collect(Collectors.joining(", "));
        }

        /**
         * The counts of each cell, in a hash table: at most a few thousand cells, never worth sorting half a million
         * rows into order for (which PostgreSQL would plan, unable to estimate how many months an expression gives).
         */
        void counts(Connection connection) throws SQLException {
            execute(connection, "set local enable_sort = off");
            String sql = "select " + labels + COUNTS + " from (" + BASE + where.sql() + ") b"
                    + (dimensions.isEmpty() ? "" : " group by " + keys);
            try (PreparedStatement statement = prepare(connection, sql); ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    Cell cell = new Cell();
                    int i = dimensions.size() + 1;
                    cell.tips = row.getLong(i++);
                    cell.linked = row.getLong(i++);
                    cell.lifeSafety = row.getLong(i++);
                    cell.closed = row.getLong(i++);
                    for (Outcome outcome : Outcome.values()) {
                        cell.outcomes.put(outcome.name(), row.getLong(i++));
                    }
                    cell.conversations = row.getLong(i++);
                    cell.replied = row.getLong(i);
                    if (cell.tips > 0) {
                        cells.put(values(row, 1), cell);
                    }
                }
            }
        }

        /** Distinct incidents of each cell and of all, counted over the linked tips only (null keys the totals). */
        void incidents(Connection connection) throws SQLException {
            String grouping = dimensions.isEmpty() ? "1" : "grouping(" + keys + ")";
            String sql = "select " + grouping + ", " + labels + "count(distinct b.incident_id) from (" + BASE + where.sql()
                    + " and t.incident_id is not null) b"
                    + (dimensions.isEmpty() ? "" : " group by grouping sets ((" + keys + "), ())");
            try (PreparedStatement statement = prepare(connection, sql); ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    incidents.put(row.getInt(1) != 0 ? null : values(row, 2), row.getLong(dimensions.size() + 2));
                }
            }
        }

        /**
         * The durations to acknowledge and to close of each cell, those of life-safety tips apart, gathered into arrays
         * in a hash table (no sort); their percentiles are picked by {@link Durations}.
         */
        void durations(Connection connection) throws SQLException {
            execute(connection, "set local enable_sort = off");
            String sql = "select " + labels + "b.life_safety, array_agg(b.ack_seconds) filter (where b.ack_seconds is not null), "
                    + "array_agg(b.close_seconds) filter (where b.close_seconds is not null) from (" + BASE + where.sql()
                    + " and (t.ack_seconds is not null or t.close_seconds is not null)) b group by "
                    + (dimensions.isEmpty() ? "" : keys + ", ") + "b.life_safety";
            try (PreparedStatement statement = prepare(connection, sql)) {
                // Binary from the first execution: a year's durations are read as 8 bytes each, not printed and parsed.
                statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
                readDurations(statement);
            }
        }

        private void readDurations(PreparedStatement statement) throws SQLException {
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    List<String> key = values(row, 1);
                    boolean lifeSafety = row.getBoolean(dimensions.size() + 1);
                    acknowledge.computeIfAbsent(key, k -> new Durations()).add(lifeSafety, seconds(row, dimensions.size() + 2));
                    close.computeIfAbsent(key, k -> new Durations()).add(lifeSafety, seconds(row, dimensions.size() + 3));
                }
            }
        }

        /**
         * The busiest weekday and hour of the range, in each tip's local time (ties: the earlier): the hour of the week
         * kept for tips with a school, computed for the few without one.
         */
        void peaks(Connection connection) throws SQLException {
            String sql = "select coalesce(b.week_hour, (date_part('isodow', b.submitted_at at time zone ?) * 24 "
                    + "+ date_part('hour', b.submitted_at at time zone ?) - 24)::smallint), count(*) from (" + BASE + where.sql()
                    + ") b group by 1";
            long[] weekdays = new long[8];
            long[] hours = new long[24];
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                // The zone of the hour, twice, then the base's own (of its month).
                for (int zone = 1; zone <= 3; zone++) {
                    statement.setString(zone, range.defaultZone().getId());
                }
                bind(statement, 4);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        int weekHour = row.getInt(1);
                        weekdays[1 + weekHour / 24] += row.getLong(2);
                        hours[weekHour % 24] += row.getLong(2);
                    }
                }
            }
            this.peaks = new Peaks(busiest(weekdays, 1), busiest(hours, 0));
        }

        /** An array of durations; null (no tip of the row had one) is none. */
        private static double[] seconds(ResultSet row, int at) throws SQLException {
            java.sql.Array array = row.getArray(at);
            if (array == null) {
                return new double[0];
            }
            Double[] values = (Double[]) array.getArray();
            double[] seconds = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                seconds[i] = values[i];
            }
            return seconds;
        }

        /** The cell's values, from column {@code first} on. */
        private List<String> values(ResultSet row, int first) throws SQLException {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < dimensions.size(); i++) {
                values.add(row.getString(first + i));
            }
            return values;
        }

        private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setString(1, range.defaultZone().getId());
            bind(statement, 2);
            return statement;
        }

        private void bind(PreparedStatement statement, int first) throws SQLException {
            int index = first;
            for (Object value : where.values()) {
                statement.setObject(index++, value);
            }
        }

        private static void execute(Connection connection, String sql) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }

    /** The figures of one cell while they are gathered from the statements. */
    private static final class Cell {
        long tips;
        long linked;
        long distinctIncidents;
        long lifeSafety;
        long closed;
        final Map<String, Long> outcomes = new LinkedHashMap<>();
        long conversations;
        long replied;
        Tally.Times[] acknowledge = {none(), none()};
        Tally.Times[] close = {none(), none()};

        void add(Cell other) {
            tips += other.tips;
            linked += other.linked;
            lifeSafety += other.lifeSafety;
            closed += other.closed;
            other.outcomes.forEach((outcome, count) -> outcomes.merge(outcome, count, Long::sum));
            conversations += other.conversations;
            replied += other.replied;
        }

        private static Tally.Times none() {
            return new Tally.Times(0, null, null);
        }

        /** A tip without an incident is an incident of its own; linked tips count once per incident. */
        Tally tally() {
            Map<String, Long> all = new LinkedHashMap<>();
            for (Outcome outcome : Outcome.values()) {
                all.put(outcome.name(), outcomes.getOrDefault(outcome.name(), 0L));
            }
            return new Tally(tips, tips - linked + distinctIncidents, lifeSafety, closed, all, conversations, replied,
                    acknowledge[0], close[0], acknowledge[1], close[1]);
        }
    }

    private static Optional<Integer> busiest(long[] counts, int first) {
        int best = -1;
        for (int i = first; i < counts.length; i++) {
            if (counts[i] > 0 && (best < 0 || counts[i] > counts[best])) {
                best = i;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(best);
    }
}
