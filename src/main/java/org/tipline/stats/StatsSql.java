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
 * category, channel, urgency, status, outcome, times, incident link, and the times of the conversation, kept on the
 * tip). Nothing is decrypted. Plain JDBC without a transaction, like the queue: read-only statements over many rows.
 */
@ApplicationScoped
public class StatsSql {

    /**
     * One row per tip in range: its metadata, its local time (kept on the tip in its district's zone, V26; the tip
     * line's zone for tips without a school), and whether staff wrote to the reporter and the reporter wrote after
     * staff's first message (from times kept on the tip). No per-row zone conversion and no join of the messages: a
     * year of tips is one scan. What the figures test is a flag, so that the rows sorted for grouping stay narrow.
     */
    private static final String BASE = "select t.incident_id, t.category, t.channel, t.urgency, t.outcome, t.school_id, "
            + "s.district_id, coalesce(t.submitted_local, t.submitted_at at time zone ?) as local_at, "
            + "t.urgency = 'LIFE_SAFETY' as life_safety, t.status = 'CLOSED' as closed, "
            + "t.first_reply_at is not null as conversation, t.last_reporter_at > t.first_reply_at as replied, "
            + "date_part('epoch', t.acknowledged_at - t.submitted_at) as ack_s, "
            + "date_part('epoch', t.closed_at - t.submitted_at) as close_s "
            + "from tip t left join school s on s.id = t.school_id where ";

    // Aggregates that sort (distinct, percentiles) get a filter that drops nulls first: PostgreSQL would sort them too.
    private static final String FIGURES = "count(*), count(b.incident_id), "
            + "count(distinct b.incident_id) filter (where b.incident_id is not null), "
            + "count(*) filter (where b.life_safety), count(*) filter (where b.closed), "
            + java.util.Arrays.stream(Outcome.values()).map(o -> "count(*) filter (where b.outcome = '" + o.name() + "')")
                    .collect(Collectors.joining(", ")) + ", "
            + "count(*) filter (where b.conversation), count(*) filter (where b.replied), "
            + times("b.ack_s", "true") + ", " + times("b.close_s", "true") + ", "
            + times("b.ack_s", "b.life_safety") + ", " + times("b.close_s", "b.life_safety");

    /** Where the figures of a row start: after the dimensions and the grouping flag. */
    private static final int DIMENSIONS_AT = 1;

    /** How many durations, then the median and the 90th percentile from one sort. */
    private static String times(String column, String condition) {
        String filter = " filter (where " + column + " is not null and " + condition + ")";
        return "count(" + column + ")" + filter + ", percentile_cont(array[0.5, 0.9]) within group (order by " + column + ")" + filter;
    }

    /**
     * Sorting for the percentiles and distinct incidents of a year of tips needs more memory than PostgreSQL's default
     * 4 MB, beyond which it sorts on disk; raised for the statistics' own transaction only. Just-in-time compilation of
     * these expressions costs more (about 0.2 s) than it saves on half a million rows: off for the same transaction.
     */
    private static final List<String> SESSION = List.of("set local work_mem = '64MB'", "set local jit = off");

    /** What to count: tips submitted in [from, to), of a district or school or all, as the caller may see them. */
    record Range(Instant from, Instant to, Optional<UUID> district, Optional<UUID> school, ZoneId defaultZone) {
    }

    /** One cell: its value of each dimension, in order, or the totals when there are none. */
    record Row(List<String> values, Tally tally) {
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
        String labels = dimensions.stream().map(d -> d.label).collect(Collectors.joining(", "));
        String grouping = dimensions.isEmpty() ? "0" : "grouping(" + keys + ")";
        String sql = "select " + grouping + (dimensions.isEmpty() ? "" : ", " + labels) + ", " + FIGURES + " from (" + BASE
                + where.sql() + ") b" + (dimensions.isEmpty() ? "" : " group by grouping sets ((" + keys + "), ())")
                + " order by 1" + (dimensions.isEmpty() ? "" : ", " + keys);
        List<Row> rows = new ArrayList<>();
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            prepare(connection);
            statement.setString(1, range.defaultZone().getId());
            bind(statement, 2, where);
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

    /**
     * The busiest weekday and hour of the range, in each tip's local time (ties: the earlier). Tips with a school are
     * counted by the hour of the week kept on them; the few without one (the tip line's zone) by converting theirs.
     */
    public Peaks peaks(Range range) {
        Where.Positional where = where(range);
        String tips = "from tip t left join school s on s.id = t.school_id where " + where.sql();
        String sql = "select t.submitted_week_hour, count(*) " + tips + " and t.submitted_local is not null group by 1 "
                + "union all select (date_part('isodow', b.local_at) * 24 + date_part('hour', b.local_at) - 24)::int, count(*) "
                + "from (select t.submitted_at at time zone ? as local_at " + tips + " and t.submitted_local is null) b group by 1";
        long[] weekdays = new long[8];
        long[] hours = new long[24];
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            prepare(connection);
            int zone = bind(statement, 1, where);
            statement.setString(zone, range.defaultZone().getId());
            bind(statement, zone + 1, where);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    int weekHour = row.getInt(1);
                    weekdays[1 + weekHour / 24] += row.getLong(2);
                    hours[weekHour % 24] += row.getLong(2);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The statistics could not be counted", e);
        }
        return new Peaks(busiest(weekdays, 1), busiest(hours, 0));
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

    private static Where.Positional where(Range range) {
        return new Where()
                .and("t.submitted_at >= :from", "from", OffsetDateTime.ofInstant(range.from(), ZoneOffset.UTC))
                .and("t.submitted_at < :to", "to", OffsetDateTime.ofInstant(range.to(), ZoneOffset.UTC))
                .andIf(range.district(), "s.district_id = :district", "district")
                .andIf(range.school(), "t.school_id = :school", "school")
                .positional();
    }

    private static void prepare(Connection connection) throws SQLException {
        try (Statement settings = connection.createStatement()) {
            for (String setting : SESSION) {
                settings.execute(setting);
            }
        }
    }

    /** Binds the range's values from parameter {@code first} on; returns the index of the next parameter. */
    private static int bind(PreparedStatement statement, int first, Where.Positional where) throws SQLException {
        int index = first;
        for (Object value : where.values()) {
            statement.setObject(index++, value);
        }
        return index;
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
            java.sql.Array percentiles = row.getArray(i + 1);
            Double[] values = percentiles == null ? new Double[2] : (Double[]) percentiles.getArray();
            times[t] = new Tally.Times(row.getLong(i), values[0], values[1]);
            i += 2;
        }
        // A tip without an incident is an incident of its own; linked tips count once per incident.
        return new Tally(tips, tips - linked + distinctIncidents, lifeSafety, closed, outcomes, conversations, replied,
                times[0], times[1], times[2], times[3]);
    }
}
