package org.tipline.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.tipline.notify.OutboxMessage.Channel;

/**
 * Writes notifications (mails and text messages) into the outbox, in the caller's transaction: they are sent if and
 * only if the event that caused them commits, and a mail server or SMS gateway that is down never blocks or loses a
 * tip.
 */
@ApplicationScoped
public class Outbox {

    /** The urgency of life-safety tips as notifications carry it. */
    private static final String LIFE_SAFETY = "LIFE_SAFETY";

    private final ObjectMapper json;
    private final Clock clock;
    private final boolean smsOn;

    Outbox(ObjectMapper json, Clock clock, SmsSettings sms) {
        this.json = json;
        this.clock = clock;
        this.smsOn = SmsGateway.of(sms).isPresent();
    }

    public void enqueue(UUID tipId, String recipient, Notification notification) {
        write(Channel.MAIL, tipId, recipient, notification.kind(), serialize(notification), priority(notification.urgency()));
    }

    /** A mail that a tip is still open after its district's review period, sent if the flag that causes it commits. */
    public void enqueue(UUID tipId, String recipient, ReviewNotice notice) {
        write(Channel.MAIL, tipId, recipient, NotificationKind.RETENTION_REVIEW, serialize(notice), OutboxMessage.STANDARD);
    }

    /** A mail about a staff account, sent if and only if the change that causes it commits. */
    public void enqueue(String recipient, AccountMail mail) {
        write(Channel.MAIL, null, recipient, mail.kind(), serialize(mail), OutboxMessage.STANDARD);
    }

    /**
     * A text message about a tip to a mobile number (E.164, e.g. from {@code Staff.mobile()}), sent through the SMS
     * gateway with the same retries, priority and dead letters as mail. Its text is fixed ({@link SmsText#render()}).
     *
     * <p>Without a configured gateway SMS is off and this writes nothing: a deployment without SMS still notifies
     * everyone by mail, so callers send the mail as well and need not ask whether SMS is on.
     *
     * @throws IllegalArgumentException when the number is not E.164 (the message does not repeat it)
     */
    public void enqueueSms(UUID tipId, String mobileNumber, SmsText text) {
        if (!smsOn) {
            return;
        }
        if (!MobileNumbers.isValid(mobileNumber)) {
            throw new IllegalArgumentException("not " + MobileNumbers.FORMAT);
        }
        write(Channel.SMS, tipId, mobileNumber, NotificationKind.SMS, serialize(text), priority(text.urgency()));
    }

    /** Whether {@link #enqueueSms} sends anything: an SMS gateway is configured. */
    public boolean smsOn() {
        return smsOn;
    }

    private static short priority(String urgency) {
        return LIFE_SAFETY.equals(urgency) ? OutboxMessage.LIFE_SAFETY : OutboxMessage.STANDARD;
    }

    private void write(Channel channel, UUID tipId, String recipient, NotificationKind kind, String payload, short priority) {
        Instant now = clock.instant();
        OutboxMessage message = new OutboxMessage();
        message.id = UUID.randomUUID();
        message.channel = channel;
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
