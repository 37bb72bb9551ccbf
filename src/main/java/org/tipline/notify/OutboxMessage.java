package org.tipline.notify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A notification waiting to be sent (or sent, or given up on), written in its event's transaction. */
@Entity
@Table(name = "outbox")
public class OutboxMessage extends PanacheEntityBase {

    /** PENDING until sent; DEAD after too many failed attempts. */
    public enum Status {
        PENDING,
        SENT,
        DEAD
    }

    @Id
    public UUID id;

    @Column(name = "tip_id")
    public UUID tipId;

    @Enumerated(EnumType.STRING)
    public NotificationKind kind;

    /** The mail address. */
    public String recipient;

    /** The {@link Notification} as JSON: no tip content by construction. */
    public String payload;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** The type of the last failure, never its message (which could echo an address or server text). */
    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
