package org.tipline.tip;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One message of the conversation between staff and the anonymous reporter, sealed under the tip's data key. */
@Entity
@Table(name = "tip_message")
public class TipMessage extends PanacheEntityBase {

    @Enumerated(EnumType.STRING)
    public MessageDirection direction;

    @Id
    public UUID id;

    @Column(name = "tip_id")
    public UUID tipId;

    /** The staff author of a message to the reporter; null for the reporter's own. */
    @Column(name = "author_staff_id")
    public UUID authorStaffId;

    @Column(name = "created_at")
    public Instant createdAt;

    public byte[] body;

    @Column(name = "read_at")
    public Instant readAt;

    /** The tip's messages, oldest first. */
    public static List<TipMessage> ofTip(UUID tipId) {
        return list("tipId = ?1 order by createdAt, id", tipId);
    }

    /** The reporter's messages of the tip since {@code since}, newest first. */
    public static List<TipMessage> fromReporterSince(UUID tipId, Instant since) {
        return list("tipId = ?1 and direction = ?2 and createdAt > ?3 order by createdAt desc", tipId,
                MessageDirection.FROM_REPORTER, since);
    }

    /** Staff have seen the reporter's messages: they no longer count as unread in the queue. */
    public static void markReadByStaff(UUID tipId, Instant at) {
        update("readAt = ?1 where tipId = ?2 and direction = ?3 and readAt is null", at, tipId, MessageDirection.FROM_REPORTER);
    }
}
