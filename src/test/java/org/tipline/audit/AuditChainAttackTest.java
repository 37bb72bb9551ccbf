package org.tipline.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.support.StaffTokens;

/**
 * Someone who can write the audit table (its owner, or a database dump restored elsewhere) but does not hold the
 * server's secret deletes events and rebuilds the chain over the rest with the published hash algorithm. The
 * verification must see it. Every test restores the table afterwards, since the whole suite shares one chain.
 */
@QuarkusTest
class AuditChainAttackTest {

    private static final String ANALYST = StaffTokens.forDemo("analyst", "ANALYST");

    @Inject
    AuditLog log;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldSeeAnEventDeletedAndTheChainRebuiltWithoutTheSecret() throws Exception {
        long first = append("kept-1");
        append("kept-2");
        long deleted = append("deleted");
        append("kept-3");
        verified(true);

        List<Map<String, Object>> original = rowsFrom(first);
        try {
            asOwner(statement -> {
                statement.execute("delete from audit_event where seq = " + deleted);
                rebuildChainWithoutTheKey(statement.getConnection(), first);
            });
            verified(false);
        } finally {
            restore(first, original);
        }
        verified(true);
    }

    @Test
    void shouldSeeTheNewestEventsCutOff() throws Exception {
        long first = append("kept");
        append("cut-1");
        long cut = append("cut-2");
        verified(true);

        List<Map<String, Object>> original = rowsFrom(first);
        try {
            asOwner(statement -> statement.execute("delete from audit_event where seq >= " + (cut - 1)));
            verified(false);
        } finally {
            restore(first, original);
        }
        verified(true);
    }

    private long append(String detail) throws SQLException {
        log.append("test", "TEST_EVENT", null, detail + " " + UUID.randomUUID());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select max(seq) from audit_event")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void verified(boolean intact) {
        given().auth().oauth2(ANALYST).get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(intact));
    }

    /** The attacker's best effort: every hash from {@code fromSeq} on recomputed as the plain SHA-256 chain. */
    private static void rebuildChainWithoutTheKey(Connection connection, long fromSeq) throws Exception {
        byte[] previous;
        try (PreparedStatement before = connection.prepareStatement(
                "select hash from audit_event where seq < ? order by seq desc limit 1")) {
            before.setLong(1, fromSeq);
            try (ResultSet row = before.executeQuery()) {
                previous = row.next() ? row.getBytes(1) : new byte[32];
            }
        }
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select seq, at, actor, action, tip_id, detail from audit_event where seq >= ? order by seq")) {
            select.setLong(1, fromSeq);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new Object[] { row.getLong(1), row.getTimestamp(2), row.getString(3), row.getString(4),
                            row.getObject(5), row.getString(6) });
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement("update audit_event set prev_hash = ?, hash = ? where seq = ?")) {
            for (Object[] row : rows) {
                byte[] hash = sha256Link(previous, (Timestamp) row[1], (String) row[2], (String) row[3], row[4], (String) row[5]);
                update.setBytes(1, previous);
                update.setBytes(2, hash);
                update.setLong(3, (Long) row[0]);
                update.executeUpdate();
                previous = hash;
            }
        }
    }

    /** The unkeyed link as published: SHA-256 over the previous hash, the time and the length-prefixed fields. */
    private static byte[] sha256Link(byte[] previous, Timestamp at, String actor, String action, Object tipId, String detail)
            throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(previous);
        var instant = at.toInstant();
        sha256.update(ByteBuffer.allocate(12).putLong(instant.getEpochSecond()).putInt(instant.getNano()).array());
        for (String field : new String[] { actor, action, String.valueOf(tipId), String.valueOf(detail) }) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            sha256.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            sha256.update(bytes);
        }
        return sha256.digest();
    }

    private List<Map<String, Object>> rowsFrom(long seq) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select * from audit_event where seq >= ? order by seq")) {
            select.setLong(1, seq);
            try (ResultSet row = select.executeQuery()) {
                ResultSetMetaData columns = row.getMetaData();
                while (row.next()) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        values.put(columns.getColumnName(i), row.getObject(i));
                    }
                    rows.add(values);
                }
            }
        }
        return rows;
    }

    /** Puts the rows back exactly as they were, so that later tests find the chain whole. */
    private void restore(long fromSeq, List<Map<String, Object>> rows) throws Exception {
        asOwner(statement -> {
            statement.execute("delete from audit_event where seq >= " + fromSeq);
            for (Map<String, Object> row : rows) {
                String sql = "insert into audit_event (" + String.join(", ", row.keySet()) + ") values ("
                        + String.join(", ", row.keySet().stream().map(column -> "?").toList()) + ")";
                try (PreparedStatement insert = statement.getConnection().prepareStatement(sql)) {
                    int index = 1;
                    for (Object value : row.values()) {
                        insert.setObject(index++, value);
                    }
                    insert.executeUpdate();
                }
            }
        });
    }

    private interface OwnerWork {
        void run(Statement statement) throws Exception;
    }

    /** Works past the append-only trigger, as the table's owner could. */
    private void asOwner(OwnerWork work) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("alter table audit_event disable trigger audit_event_append_only");
            try {
                work.run(statement);
            } finally {
                statement.execute("alter table audit_event enable trigger audit_event_append_only");
            }
        }
    }
}
