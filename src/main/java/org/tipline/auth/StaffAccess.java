package org.tipline.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.tipline.directory.ServedSchools;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;

/**
 * What the token check needs of a staff account on every request (enabled, "not before", role and
 * scope), read in one SQL statement with no transaction around it.
 *
 * <p>Plain JDBC on purpose: this runs before every staff request, where it replaces a JTA transaction
 * around two entity queries with one round trip (see QueueBenchmark). The scope is
 * the directory's {@link ServedSchools} (analysts see everything by role, admins no tips).
 */
@ApplicationScoped
public class StaffAccess {

    /**
     * Account, role and scope in one statement; the account's key is appended (see {@link #BY_ID}). Who serves
     * which school is the directory's definition ({@link ServedSchools#OF_STAFF_ROW}).
     */
    private static final String SELECT = "select s.id, s.role, s.enabled, s.tokens_not_before, " + ServedSchools.OF_STAFF_ROW
            + " from staff s where ";
    /** The token check's statement, one parameter: the staff id. Public so that QueueBenchmark runs it bare. */
    public static final String BY_ID = SELECT + "s.id = ?";

    private final DataSource database;

    StaffAccess(DataSource database) {
        this.database = database;
    }

    /** An account as the token check sees it. */
    record Account(StaffScope scope, boolean enabled, Instant tokensNotBefore) {

        /** Whether a token issued at {@code issuedAtSeconds} still speaks for this account. */
        boolean accepts(long issuedAtSeconds) {
            return enabled && issuedAtSeconds >= tokensNotBefore.getEpochSecond();
        }
    }

    Optional<Account> byId(UUID id) {
        return find(BY_ID, id);
    }

    /** Case-insensitive, like the unique index {@code staff_email_unique} on {@code lower(email)}. */
    Optional<Account> byEmail(String email) {
        return find(SELECT + "lower(s.email) = ?", Staff.normalizedEmail(email));
    }

    private Optional<Account> find(String sql, Object key) {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, key);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(account(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Staff account lookup failed", e);
        }
    }

    private static Account account(ResultSet row) throws SQLException {
        Array schools = row.getArray(5);
        StaffScope scope = new StaffScope(row.getObject(1, UUID.class), StaffRole.valueOf(row.getString(2)),
                Set.of((UUID[]) schools.getArray()));
        return new Account(scope, row.getBoolean(3), row.getObject(4, OffsetDateTime.class).toInstant());
    }
}
