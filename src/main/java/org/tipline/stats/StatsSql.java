package org.tipline.stats;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.tipline.platform.Where;
import org.tipline.tip.Outcome;

/**
 * Every figure of the statistics, counted by PostgreSQL over the tips' routing metadata in the clear (school,
 * category, channel, urgency, status, outcome, times, incident link) and the times of conversation messages. Nothing
 * is decrypted. Plain JDBC without a transaction, like the queue: read-only statements over many rows.
 */
@ApplicationScoped
public class StatsSql {

    /**
     * One row per tip in range: its metadata, its local time in its district's zone (the tip line's for tips without a
     * school), and when staff first wrote to the reporter and the reporter last wrote. Messages are only written after
     * their tip, so those older than the range are skipped before they are grouped.
     */
    private static final String BASE = "select t.id, t.incident_id, t.category, t.channel, t.urgency, t.status, t.outcome, "
            + "t.school_id, s.district_id, t.submitted_at at time zone coalesce(d.time_zone, ?) as local_at, "
            + "extract(epoch from t.acknowledged_at - t.submitted_at) as ack_s, "
            + "extract(epoch from t.closed_at - t.submitted_at) as close_s, m.first_to, m.last_from "
            + "from tip t left join school s on s.id = t.school_id left join district d on d.id = s.district_id "
            + "left join (select tip_id, min(created_at) filter (where direction = 'TO_REPORTER') as first_to, "
            + "max(created_at) filter (where direction = 'FROM_REPORTER') as last_from from tip_message where created_at >= ? "
            + "group by tip_id) m on m.tip_id = t.id where ";

    private static final String FIGURES = "count(*), count(b.incident_id), count(distinct b.incident_id), "
            + "count(*) filter (where b.urgency = 'LIFE_SAFETY'), count(*) filter (where b.status = 'CLOSED'), "
            + java.util.Arrays.stream(Outcome.values()).map(o -> "count(*) filter (where b.outcome = '" + o.name() + "')")
                    .collect(Collectors.joining(", ")) + ", "
            + "count(b.first_to), count(*) filter (where b.last_from > b.first_to), "
            + times("b.ack_s", "true") + ", " + times("b.close_s", "true") + ", "
            + times("b.ack_s", "b.urgency = 'LIFE_SAFETY'") + ", " + times("b.close_s", "b.urgency = 'LIFE_SAFETY'");

    /** Where the figures of a row start: after the dimensions and the grouping flag. */
    private static final int DIMENSIONS_AT = 1;

    private static String times(String column, String condition) {
        return "count(" + column + ") filter (where " + condition + "), "
                + "percentile_cont(0.5) within group (order by " + column + ") filter (where " + condition + "), "
                + "percentile_cont(0.9) within group (order by " + column + ") filter (where " + condition + ")";
    }

    /** What to count: tips submitted in [from, to), of a district or school or all, as the caller may see them. */
    record Range(Instant from, Instant to, Optional<UUID> district, Optional<UUID> school, ZoneId defaultZone) {
    }

    /** One cell: its key (a value per dimension, in order), or the totals when the key is empty. */
    record Row(List<String> key, Tally tally) {
    }

    /** The busiest weekday (1 = Monday) and hour (0-23), local time; empty without tips. */
    record Peaks(Optional<Integer> weekday, Optional<Integer> hour) {
    }

    private final DataSource database;

    StatsSql(DataSource database) {
        this.database = database;
    }

    /** The cells of the breakdown by {@code dimensions}, then the totals (the last row). */
    public List<Row> count(Range range, List<Dimension> dimensions) {
        Where.Positional where = where(range);
        String keys = dimensions.stream().map(d -> d.sql).collect(Collectors.joining(", "));
        String grouping = dimensions.isEmpty() ? "0" : "grouping(" + keys + ")";
        String sql = "select " + grouping + (dimensions.isEmpty() ? "" : ", " + keys) + ", " + FIGURES + " from (" + BASE
                + where.sql() + ") b" + (dimensions.isEmpty() ? "" : " group by grouping sets ((" + keys + "), ())")
                + " order by 1" + (dimensions.isEmpty() ? "" : ", " + keys);
        List<Row> rows = new ArrayList<>();
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, range, where);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    boolean total = row.getInt(1) != 0 || dimensions.isEmpty();
                    List<String> key = new ArrayList<>();
                    for (int i = 0; i < dimensions.size() && !total; i++) {
                        key.add(row.getString(DIMENSIONS_AT + 1 + i));
                    }
                    rows.add(new Row(key, tally(row, DIMENSIONS_AT + 1 + dimensions.size())));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The statistics could not be counted", e);
        }
        return rows;
    }

    /** The busiest weekday and hour of the range, in each tip's local time. */
    public Peaks peaks(Range range) {
        Where.Positional where = where(range);
        String sql = "select (select extract(isodow from b.local_at)::int from b group by 1 order by count(*) desc, 1 limit 1), "
                + "(select extract(hour from b.local_at)::int from b group by 1 order by count(*) desc, 1 limit 1)";
        sql = "with b as (" + BASE + where.sql() + ") " + sql;
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, range, where);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new Peaks(Optional.ofNullable(row.getObject(1, Integer.class)), Optional.ofNullable(row.getObject(2, Integer.class)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The statistics could not be counted", e);
        }
    }

    private static Where.Positional where(Range range) {
        return new Where()
                .and("t.submitted_at >= :from", "from", OffsetDateTime.ofInstant(range.from(), ZoneOffset.UTC))
                .and("t.submitted_at < :to", "to", OffsetDateTime.ofInstant(range.to(), ZoneOffset.UTC))
                .andIf(range.district(), "s.district_id = :district", "district")
                .andIf(range.school(), "t.school_id = :school", "school")
                .positional();
    }

    private static void bind(PreparedStatement statement, Range range, Where.Positional where) throws SQLException {
        statement.setString(1, range.defaultZone().getId());
        statement.setObject(2, OffsetDateTime.ofInstant(range.from(), ZoneOffset.UTC));
        int index = 3;
        for (Object value : where.values()) {
            statement.setObject(index++, value);
        }
    }

    private static Tally tally(ResultSet row, int first) throws SQLException {
        int i = first;
        long tips = row.getLong(i++);
        long linked = row.getLong(i++);
        long distinctIncidents = row.getLong(i++);
        long lifeSafety = row.getLong(i++);
        long closed = row.getLong(i++);
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome.name(), row.getLong(i++));
        }
        long conversations = row.getLong(i++);
        long replied = row.getLong(i++);
        Tally.Times[] times = new Tally.Times[4];
        for (int t = 0; t < times.length; t++) {
            times[t] = new Tally.Times(row.getLong(i), row.getObject(i + 1, Double.class), row.getObject(i + 2, Double.class));
            i += 3;
        }
        // A tip without an incident is an incident of its own; linked tips count once per incident.
        return new Tally(tips, tips - linked + distinctIncidents, lifeSafety, closed, outcomes, conversations, replied,
                times[0], times[1], times[2], times[3]);
    }
}
