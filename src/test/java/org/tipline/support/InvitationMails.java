package org.tipline.support;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tipline.notify.OutboxMessage;
import org.tipline.notify.OutboxWorker;

/** Reads invitation mails the way their recipient would, and sets a password with them. */
public final class InvitationMails {

    private static final Pattern LINK = Pattern.compile("/console/invitation#([A-Za-z0-9_-]+)");

    private InvitationMails() {
    }

    /** Sends what the outbox holds, then the token of the newest invitation mailed to {@code email}. */
    public static String tokenFor(String email) {
        deliver();
        List<MimeMessage> mails = Mailbox.receivedBy(email);
        for (int i = mails.size() - 1; i >= 0; i--) {
            Matcher link = LINK.matcher(text(mails.get(i)));
            if (link.find()) {
                return link.group(1);
            }
        }
        throw new AssertionError("no invitation was mailed to " + email);
    }

    /** Sets a password with the newest invitation to {@code email}; returns it. */
    public static String acceptAs(String email) {
        String password = "correct horse battery " + email.hashCode();
        given().contentType("application/json").body(Map.of("token", tokenFor(email), "password", password))
                .post("/api/v1/invitations/accept").then().statusCode(204);
        return password;
    }

    /** The plain text of every mail delivered to {@code email}, oldest first. */
    public static List<String> textsTo(String email) {
        deliver();
        return Mailbox.receivedBy(email).stream().map(InvitationMails::text).toList();
    }

    /**
     * Sends what the outbox holds, as the worker would, until nothing is due. A mail whose send failed (seen: a pooled
     * SMTP connection that an earlier test's server restart left dead, timing out after 5 s) waits for its backoff in
     * the service; the reader of this mailbox does not wait, so it is made due again at once, at most twice.
     */
    public static void deliver() {
        OutboxWorker worker = Arc.container().instance(OutboxWorker.class).get();
        Clock clock = Arc.container().instance(Clock.class).get();
        for (int round = 0; round < 3; round++) {
            while (worker.runOnce() > 0) {
                // until nothing is due
            }
            int retried = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.update(
                    "nextAttemptAt = ?1 where status = ?2 and channel = ?3 and lastError is not null", clock.instant(),
                    OutboxMessage.Status.PENDING, OutboxMessage.Channel.MAIL));
            if (retried == 0) {
                return;
            }
        }
    }


    /** The subject and the decoded text of every part, as a reader sees them. */
    public static String text(MimeMessage message) {
        try {
            return message.getSubject() + "\n" + text(message.getContent());
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object content) throws IOException, MessagingException {
        if (content instanceof Multipart parts) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                text.append(text(part.getContent())).append('\n');
            }
            return text.toString();
        }
        return String.valueOf(content);
    }
}
