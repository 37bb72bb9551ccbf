package org.tipline.support;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Tips written straight into the database with exactly the metadata a statistics test needs (times in the past,
 * outcomes, channels), each with the analyst desk as its recipient, as every tip must have one, and with a body that is
 * not a sealed tip, because statistics never open it.
 */
public final class SeededTips {

    private final UUID schoolId;
    private final String category;
    private String channel = "WEB";
    private String urgency = "STANDARD";
    private String status = "NEW";
    private String outcome;
    private Instant submittedAt;
    private Long ackAfter;
    private Long closeAfter;

    private SeededTips(UUID schoolId, String category) {
        this.schoolId = schoolId;
        this.category = category;
    }

    /** A NEW, STANDARD tip from the web form. */
    public static SeededTips tip(UUID schoolId, String category) {
        return new SeededTips(schoolId, category);
    }

    /** Submitted at this local time of {@code zone}. */
    public SeededTips at(String localTime, ZoneId zone) {
        submittedAt = LocalDateTime.parse(localTime).atZone(zone).toInstant();
        return this;
    }

    public SeededTips channel(String value) {
        channel = value;
        return this;
    }

    public SeededTips lifeSafety() {
        urgency = "LIFE_SAFETY";
        return this;
    }

    /** Acknowledged this many seconds after submission (status ACKNOWLEDGED). */
    public SeededTips acknowledged(long seconds) {
        ackAfter = seconds;
        status = "ACKNOWLEDGED";
        return this;
    }

    public SeededTips inProgress() {
        status = "IN_PROGRESS";
        return this;
    }

    /** Closed with this outcome this many seconds after submission. */
    public SeededTips closed(String value, long seconds) {
        outcome = value;
        closeAfter = seconds;
        status = "CLOSED";
        return this;
    }

    public UUID insert() {
        UUID id = UUID.randomUUID();
        // One statement, so one transaction: the tip commits with a recipient, as the database requires of every tip.
        execute("with seeded as (insert into tip (id, reference, school_id, category, happening_now, status, urgency, channel, "
                + "submitted_at, ack_deadline, acknowledged_at, outcome, closed_at, case_code_hash, body) values "
                + "(?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id, submitted_at) "
                + "insert into tip_recipient (id, tip_id, email, role, reason, created_at) select ?, id, "
                + "'analyst-desk@seeded.tipline.local', 'ANALYST_DESK', 'seeded for statistics', submitted_at from seeded",
                id, "S-" + id, schoolId, category, status, urgency,
                channel, time(submittedAt), time(submittedAt.plusSeconds(86400)),
                ackAfter == null ? null : time(submittedAt.plusSeconds(ackAfter)), outcome,
                closeAfter == null ? null : time(submittedAt.plusSeconds(closeAfter)), id.toString().getBytes(StandardCharsets.UTF_8),
                new byte[] { 1 }, UUID.randomUUID());
        return id;
    }

    /** Links the tips into one new incident. */
    public static void incident(UUID... tips) {
        UUID incident = UUID.randomUUID();
        execute("insert into incident (id, created_at) values (?, now())", incident);
        for (UUID tip : tips) {
            execute("update tip set incident_id = ? where id = ?", incident, tip);
        }
    }

    /** A conversation message, {@code TO_REPORTER} or {@code FROM_REPORTER}, this many seconds after submission. */
    public static void message(UUID tip, String direction, long seconds) {
        execute("insert into tip_message (id, tip_id, direction, created_at, body) select ?, id, ?, submitted_at + ? * interval "
                + "'1 second', '\\x01'::bytea from tip where id = ?", UUID.randomUUID(), direction, seconds, tip);
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static void execute(String sql, Object... values) {
        try (Connection connection = Arc.container().instance(AgroalDataSource.class).get().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
