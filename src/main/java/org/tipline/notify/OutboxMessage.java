package org.tipline.notify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /** How a message goes out: by mail ({@link MailSender}) or as a text message ({@link SmsSender}). */
    public enum Channel {
        MAIL,
        SMS
    }

    @Id
    public UUID id;

    @Column(name = "tip_id")
    public UUID tipId;

    @Enumerated(EnumType.STRING)
    public NotificationKind kind;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    /** The mail address, or for SMS the phone number (E.164): personal data, never logged. */
    public String recipient;

    /** The {@link Notification}, {@link AccountMail} or {@link SmsText} as JSON: no tip content by construction. */
    public String payload;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /**
     * The type of the last failure, never its message (which could echo an address or server text); for a refusal
     * by the other side only its fixed description with the status code ({@link SendFailure}).
     */
    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** {@link #LIFE_SAFETY} messages are sent before all others. */
    public short priority;

    static final short LIFE_SAFETY = 0;
    static final short STANDARD = 1;

    /**
     * Claims the most urgent due message: moves its next attempt to {@code leaseEnd} and counts the attempt, in the
     * caller's transaction. Another worker skips it while it is claimed; if this one dies before saying how the
     * attempt ended, the message is due again when the lease ends. Only messages of {@code channels} are claimed.
     */
    static Optional<OutboxMessage> claimNext(Instant now, Instant leaseEnd, Set<Channel> channels) {
        List<?> claimed = getEntityManager().createNativeQuery("""
                update outbox set next_attempt_at = ?2, attempts = attempts + 1
                where id = (select id from outbox where status = 'PENDING' and next_attempt_at <= ?1 and channel in (?3)
                            order by priority, next_attempt_at limit 1 for update skip locked)
                returning id""")
                .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter(2, OffsetDateTime.ofInstant(leaseEnd, ZoneOffset.UTC))
                .setParameter(3, channels.stream().map(Channel::name).toList())
                .getResultList();
        return claimed.stream().findFirst().map(id -> findById(id));
    }
}
