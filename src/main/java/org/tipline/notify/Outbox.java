package org.tipline.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes notifications into the outbox, in the caller's transaction: they are sent if and only if the
 * event that caused them commits, and a mail server that is down never blocks or loses a tip.
 */
@ApplicationScoped
public class Outbox {

    /** The urgency of life-safety tips as notifications carry it. */
    private static final String LIFE_SAFETY = "LIFE_SAFETY";

    private final ObjectMapper json;
    private final Clock clock;

    Outbox(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public void enqueue(UUID tipId, String recipient, Notification notification) {
        short priority = LIFE_SAFETY.equals(notification.urgency()) ? OutboxMessage.LIFE_SAFETY : OutboxMessage.STANDARD;
        write(tipId, recipient, notification.kind(), serialize(notification), priority);
    }

    /** A mail about a staff account, sent if and only if the change that causes it commits. */
    public void enqueue(String recipient, AccountMail mail) {
        write(null, recipient, mail.kind(), serialize(mail), OutboxMessage.STANDARD);
    }

    private void write(UUID tipId, String recipient, NotificationKind kind, String payload, short priority) {
        Instant now = clock.instant();
        OutboxMessage message = new OutboxMessage();
        message.id = UUID.randomUUID();
        message.tipId = tipId;
        message.kind = kind;
        message.recipient = recipient;
        message.payload = payload;
        message.status = OutboxMessage.Status.PENDING;
        message.nextAttemptAt = now;
        message.createdAt = now;
        message.priority = priority;
        message.persist();
    }

    private String serialize(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a notification", e);
        }
    }
}
