package org.tipline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** A request that lost a race to another is told apart from a bug and from a lost database. */
class ConcurrentChangeTest {

    @Test
    void shouldRecogniseAUniqueIndexADeadlockOrASerializationRefusal() {
        assertThat(ConcurrentChange.causedBy(new IllegalStateException("commit failed",
                new RuntimeException(new PSQLException("duplicate key", PSQLState.UNIQUE_VIOLATION))))).isTrue();
        assertThat(ConcurrentChange.causedBy(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(ConcurrentChange.causedBy(new SQLException("could not serialize access", "40001"))).isTrue();
    }

    @Test
    void shouldNotTakeAnotherFailureForARace() {
        assertThat(ConcurrentChange.causedBy(new SQLException("null value in column", "23502"))).isFalse();
        assertThat(ConcurrentChange.causedBy(new PSQLException("gone", PSQLState.CONNECTION_FAILURE))).isFalse();
        assertThat(ConcurrentChange.causedBy(new IllegalStateException(new NullPointerException()))).isFalse();
    }

    @Test
    void shouldAnswer503WithAShortRetryAfterAndNothingOfTheFailure() {
        var response = new ProblemMappers().unexpected(new RuntimeException("insert into staff values ('x@y.org')",
                new SQLException("Key (lower(email))=(x@y.org) already exists", "23505")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.code()).isEqualTo("concurrent-change");
        assertThat(problem.detail()).doesNotContain("x@y.org").contains("nothing was saved");
    }
}
