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

    private final ObjectMapper json;
    private final Clock clock;

    Outbox(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public void enqueue(UUID tipId, String recipient, Notification notification) {
        Instant now = clock.instant();
        OutboxMessage message = new OutboxMessage();
        message.id = UUID.randomUUID();
        message.tipId = tipId;
        message.kind = notification.kind();
        message.recipient = recipient;
        message.payload = serialize(notification);
        message.status = OutboxMessage.Status.PENDING;
        message.nextAttemptAt = now;
        message.createdAt = now;
        message.persist();
    }

    private String serialize(Notification notification) {
        try {
            return json.writeValueAsString(notification);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a notification", e);
        }
    }
}
