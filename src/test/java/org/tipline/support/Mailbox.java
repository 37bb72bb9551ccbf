package org.tipline.support;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.tipline.notify.OutboxMessage;

/** What the test SMTP server received, and the outbox reset that isolates one test from another. */
public final class Mailbox {

    private Mailbox() {
    }

    /** Empties the SMTP server and marks earlier tests' notifications as done, so a test sees only its own. */
    public static void clear() {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() ->
                OutboxMessage.update("status = ?1 where status = ?2", OutboxMessage.Status.SENT, OutboxMessage.Status.PENDING));
        try {
            GreenMailResource.server().purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<MimeMessage> received() {
        return Arrays.asList(GreenMailResource.server().getReceivedMessages());
    }

    /** The mails received for {@code email}, oldest first. */
    public static List<MimeMessage> receivedBy(String email) {
        return received().stream().filter(message -> to(message).stream().anyMatch(email::equalsIgnoreCase)).toList();
    }

    /** The addresses of every received mail, one entry per mail. */
    public static List<String> recipients() {
        List<String> recipients = new ArrayList<>();
        for (MimeMessage message : received()) {
            recipients.addAll(to(message));
        }
        return recipients;
    }

    private static List<String> to(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Subjects and raw bodies (all MIME parts) of every received mail, as one text to search. */
    public static String everything() {
        return received().stream().map(message -> {
            try {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                message.writeTo(raw);
                return message.getSubject() + "\n" + raw.toString(java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException | MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.joining("\n----\n"));
    }
}
