package org.tipline.casework;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.tipline.auth.StaffScope;
import org.tipline.directory.DirectorySettings;
import org.tipline.platform.Where;

/**
 * A staff member's queue: the tips of their scope, filtered, life-safety first and then oldest first.
 * Reads metadata only; nothing is decrypted here.
 *
 * <p>Plain SQL over JDBC, without a transaction: the queue is the page staff reload all day, and Hibernate's
 * query translation was most of its time (see QueueBenchmark); two read-only statements gain nothing from a
 * transaction (at READ COMMITTED each sees its own snapshot either way).
 */
@ApplicationScoped
public class TipQueue {

    private static final String SELECT = "select t.id, t.reference, t.school_id, s.name, t.category, t.urgency, t.status, "
            + "t.submitted_at, t.ack_deadline, t.acknowledged_at, (select count(*) from tip_message m where m.tip_id = t.id "
            + "and m.direction = 'FROM_REPORTER' and m.read_at is null), d.time_zone from tip t left join school s on s.id = t.school_id "
            + "left join district d on d.id = s.district_id where ";
    private static final String ORDER = " order by case when t.urgency = 'LIFE_SAFETY' then 0 else 1 end, t.submitted_at, t.id "
            + "offset ? limit ?";

    /**
     * The two statements of a queue page and the values of their conditions. The page statement takes two more
     * parameters after them, offset and limit.
     */
    public record Statements(String page, String count, List<Object> values) {

        /** Binds the conditions' values to either statement; returns the index of the next parameter. */
        public int bind(PreparedStatement statement) throws SQLException {
            int index = 1;
            for (Object value : values) {
                statement.setObject(index++, value);
            }
            return index;
        }
    }

    private final Clock clock;
    private final DataSource database;
    private final String lineZone;

    TipQueue(Clock clock, DataSource database, DirectorySettings directory) {
        this.clock = clock;
        this.database = database;
        this.lineZone = directory.timeZone().getId();
    }

    public QueuePage page(StaffScope scope, QueueFilter filter) {
        Instant now = clock.instant();
        Optional<Statements> statements = statements(scope, filter, now);
        if (statements.isEmpty()) {
            return new QueuePage(List.of(), filter.page(), filter.size(), 0);
        }
        long first = (long) filter.page() * filter.size();
        try (Connection connection = database.getConnection()) {
            List<QueueItem> items = items(connection, statements.get(), first, filter.size(), now);
            // A page that is neither full nor past the end is the last one: it tells the total without a count.
            boolean lastPage = items.size() < filter.size() && (!items.isEmpty() || filter.page() == 0);
            long total = lastPage ? first + items.size() : count(connection, statements.get());
            return new QueuePage(items, filter.page(), filter.size(), total);
        } catch (SQLException e) {
            throw new IllegalStateException("The queue could not be read", e);
        }
    }

    /**
     * The statements the queue runs for this scope and filter; empty when the scope has no school. Public so
     * that QueueBenchmark runs exactly these, bare over JDBC.
     */
    public static Optional<Statements> statements(StaffScope scope, QueueFilter filter, Instant now) {
        Where where = new Where();
        if (!scope.seesEverything()) {
            if (scope.schoolIds().isEmpty()) {
                return Optional.empty();
            }
            where.and("t.school_id in (:scope)", "scope", List.copyOf(scope.schoolIds()));
        }
        // A tip looked up by its reference is found whatever its status, closed included.
        if (filter.status().isEmpty() && filter.reference().isEmpty()) {
            where.and("t.status <> 'CLOSED'");
        }
        where.andIf(filter.status().map(Enum::name), "t.status = :status", "status")
                .andIf(filter.urgency().map(Enum::name), "t.urgency = :urgency", "urgency")
                .andIf(filter.school(), "t.school_id = :school", "school")
                .andIf(filter.category(), "t.category = :category", "category")
                .andIf(filter.reference(), "t.reference = :reference", "reference");
        if (filter.overdueOnly()) {
            where.and("t.acknowledged_at is null and t.ack_deadline < :now", "now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        }
        Where.Positional condition = where.positional();
        return Optional.of(new Statements(SELECT + condition.sql() + ORDER, "select count(*) from tip t where " + condition.sql(),
                condition.values()));
    }

    private List<QueueItem> items(Connection connection, Statements statements, long offset, int limit, Instant now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(statements.page())) {
            int next = statements.bind(statement);
            statement.setLong(next, offset);
            statement.setInt(next + 1, limit);
            List<QueueItem> items = new ArrayList<>(limit);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    items.add(item(row, now));
                }
            }
            return items;
        }
    }

    private static long count(Connection connection, Statements statements) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(statements.count())) {
            statements.bind(statement);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** A tip without a school shows its times in the tip line's own zone, as its mail does. */
    private QueueItem item(ResultSet row, Instant now) throws SQLException {
        Instant submittedAt = row.getObject(8, OffsetDateTime.class).toInstant();
        Instant deadline = row.getObject(9, OffsetDateTime.class).toInstant();
        boolean overdue = row.getObject(10) == null && deadline.isBefore(now);
        return new QueueItem(row.getObject(1, UUID.class), row.getString(2), row.getObject(3, UUID.class), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7), submittedAt, Duration.between(submittedAt, now).toSeconds(),
                deadline, overdue, row.getInt(11), Objects.requireNonNullElse(row.getString(12), lineZone));
    }
}
