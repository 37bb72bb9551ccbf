package org.tipline.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.support.StaffTokens;

@QuarkusTest
class AuditLogTest {

    @Inject
    AuditLog log;

    @Inject
    AgroalDataSource dataSource;

    private static void verifiedIntact(boolean intact) {
        given().auth().oauth2(StaffTokens.forDemo("analyst", "ANALYST")).get("/api/v1/audit/verify").then()
                .statusCode(200).body("intact", equalTo(intact));
    }

    private long lastSeq() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select max(seq) from audit_event")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Changes a row as someone with the table's owner rights would: past the append-only trigger. */
    private void tamper(long seq, String detail) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("alter table audit_event disable trigger audit_event_append_only");
            try (PreparedStatement update = connection.prepareStatement("update audit_event set detail = ? where seq = ?")) {
                update.setString(1, detail);
                update.setLong(2, seq);
                update.executeUpdate();
            } finally {
                statement.execute("alter table audit_event enable trigger audit_event_append_only");
            }
        }
    }

    @Test
    void shouldReportTheFirstEditedEvent() throws SQLException {
        log.append("test", "TEST_EVENT", UUID.randomUUID(), "original");
        long edited = lastSeq();
        log.append("test", "TEST_EVENT", null, "after");
        verifiedIntact(true);

        tamper(edited, "rewritten");
        try {
            given().auth().oauth2(StaffTokens.forDemo("coordinator", "COORDINATOR")).get("/api/v1/audit/verify").then()
                    .statusCode(200).body("intact", equalTo(false)).body("firstBrokenEvent", equalTo((int) edited));
        } finally {
            tamper(edited, "original"); // restore, so the chain is whole again for later tests and runs
        }
        verifiedIntact(true);
    }

    @Test
    void shouldRefuseUpdatesAndDeletes() throws SQLException {
        log.append("test", "TEST_EVENT", null, "kept");
        long seq = lastSeq();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("delete from audit_event where seq = " + seq))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("update audit_event set actor = 'x' where seq = " + seq))
                    .hasMessageContaining("append-only");
        }
        assertThat(lastSeq()).isEqualTo(seq);
    }
}
