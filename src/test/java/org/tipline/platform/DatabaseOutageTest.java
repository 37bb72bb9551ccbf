package org.tipline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** A lost database is told apart from a bug, however deep the driver's exception is wrapped. */
class DatabaseOutageTest {

    @Test
    void shouldRecogniseALostOrRefusedConnection() {
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("wrapped",
                new RuntimeException(new PSQLException("refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT))))).isTrue();
        assertThat(DatabaseOutage.causedBy(new PSQLException("gone", PSQLState.CONNECTION_FAILURE))).isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLTransientConnectionException("pool exhausted"))).isTrue();
    }

    @Test
    void shouldNotTakeABugForAnOutage() {
        assertThat(DatabaseOutage.causedBy(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException(new NullPointerException()))).isFalse();
        assertThat(DatabaseOutage.causedBy(new SQLException("no state"))).isFalse();
    }

    @Test
    void shouldAnswer503WithRetryAfterAndNothingOfTheFailure() {
        var response = new ProblemMappers().unexpected(new RuntimeException("SELECT secret FROM tip",
                new PSQLException("connection refused to 10.0.0.5", PSQLState.CONNECTION_UNABLE_TO_CONNECT)));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo(String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.code()).isEqualTo("database-unavailable");
        assertThat(problem.detail()).doesNotContain("secret").doesNotContain("10.0.0.5").contains("nothing was saved");
    }
}
