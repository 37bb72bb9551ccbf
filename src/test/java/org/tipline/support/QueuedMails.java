package org.tipline.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.IntPredicate;
import javax.sql.DataSource;

/**
 * Mails queued straight into the outbox of a packaged application, as tips would queue them: for a crash test or a
 * benchmark that needs thousands of due messages at once, without posting thousands of tips first.
 */
public final class QueuedMails {

    private QueuedMails() {
    }

    /**
     * Queues {@code count} new-tip mails to {@code responder-<i>@<domain>}, due now, in one transaction; those whose
     * index {@code lifeSafety} accepts carry the life-safety priority.
     */
    public static void queue(DataSource database, int count, String domain, IntPredicate lifeSafety) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into outbox (id, kind, recipient, payload, "
                        + "status, attempts, next_attempt_at, created_at, priority) values (?, 'NEW_TIP', ?, ?, 'PENDING', 0, "
                        + "now(), now(), ?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                boolean urgent = lifeSafety.test(i);
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, "responder-" + i + "@" + domain);
                insert.setString(3, "{\"kind\":\"NEW_TIP\",\"reference\":\"T-2026-" + String.format("%06d", i) + "\","
                        + "\"school\":\"Queued School\",\"category\":\"Other\",\"urgency\":\""
                        + (urgent ? "LIFE_SAFETY" : "STANDARD") + "\",\"deadline\":\"2026-12-01T16:00:00Z\","
                        + "\"zone\":\"America/Denver\",\"link\":\"http://x/console/tips/1\"}");
                insert.setShort(4, (short) (urgent ? 0 : 1));
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        }
    }
}
