package org.tipline.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.tipline.crypto.ServerSecrets;

/** Renders an outbox message with its template and hands it to the SMTP server. */
@ApplicationScoped
class MailSender {

    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.US);

    private final ObjectMapper json;
    private final NotifySettings settings;
    private final ServerSecrets secrets;

    MailSender(ObjectMapper json, NotifySettings settings, ServerSecrets secrets) {
        this.json = json;
        this.settings = settings;
        this.secrets = secrets;
    }

    void send(OutboxMessage message) throws IOException {
        if (message.kind.aboutAnAccount()) {
            sendAccountMail(message);
            return;
        }
        if (message.kind == NotificationKind.RETENTION_REVIEW) {
            sendReviewNotice(message);
            return;
        }
        Notification n = json.readValue(message.payload, Notification.class);
        String deadline = DEADLINE.format(n.deadline().atZone(ZoneId.of(n.zone())));
        MailTemplate.MailTemplateInstance mail = switch (n.kind()) {
            case NEW_TIP -> MailTemplates.newTip(n, deadline);
            case ESCALATION -> MailTemplates.escalation(n, deadline);
            case REASSIGNED -> MailTemplates.reassigned(n, deadline);
            case CALL_DOWN -> MailTemplates.callDown(n, deadline);
            case REPORTER_MESSAGE -> MailTemplates.reporterMessage(n);
            case RETENTION_REVIEW, ACCOUNT_INVITATION, ACCOUNT_NOTICE, SMS ->
                    throw new IllegalArgumentException("not a tip notification");
        };
        mail.mail(identified(message)).to(message.recipient).subject(subject(n)).send().await().atMost(settings.sendTimeout());
    }

    private void sendReviewNotice(OutboxMessage message) throws IOException {
        ReviewNotice n = json.readValue(message.payload, ReviewNotice.class);
        String subject = "Tip " + n.reference() + " for " + n.school() + " has been open " + n.daysOpen() + " days: "
                + "please review it";
        MailTemplates.retentionReview(n, DEADLINE.format(n.submittedAt().atZone(ZoneId.of(n.zone()))))
                .mail(identified(message)).to(message.recipient).subject(subject).send().await()
                .atMost(settings.sendTimeout());
    }

    private void sendAccountMail(OutboxMessage message) throws IOException {
        AccountMail mail = json.readValue(message.payload, AccountMail.class);
        MailTemplate.MailTemplateInstance rendered = switch (mail.kind()) {
            case ACCOUNT_INVITATION -> MailTemplates.accountInvitation(mail,
                    new String(secrets.open(AccountMail.LINK_PURPOSE, mail.sealedLink()), StandardCharsets.UTF_8));
            default -> MailTemplates.accountNotice(mail);
        };
        String subject = mail.kind() == NotificationKind.ACCOUNT_INVITATION ? "Tipline: set your password"
                : "Tipline: a change to your account";
        rendered.mail(identified(message)).to(message.recipient).subject(subject).send().await()
                .atMost(settings.sendTimeout());
    }

    /**
     * A mail whose Message-ID is the outbox row's: the same on every attempt, so that a copy re-sent after a crash
     * between sending and recording it can be recognised (and dropped) downstream.
     */
    static Mail identified(OutboxMessage message) {
        return new Mail().addHeader("Message-ID", "<" + message.id + "@tipline.outbox>");
    }

    /** What the subject line says: reference, school and urgency; nothing the reporter wrote. */
    static String subject(Notification n) {
        return switch (n.kind()) {
            case NEW_TIP -> "New tip " + n.reference() + " for " + n.school() + ", urgency " + n.urgency();
            case ESCALATION -> "ESCALATION: tip " + n.reference() + " for " + n.school() + " not acknowledged, urgency "
                    + n.urgency();
            case REASSIGNED -> "Tip " + n.reference() + " reassigned to " + n.school() + ", urgency " + n.urgency();
            case REPORTER_MESSAGE -> "New message from the reporter of tip " + n.reference() + " for " + n.school();
            case CALL_DOWN -> "LIFE-SAFETY tip " + n.reference() + " for " + n.school() + " is not acknowledged yet: "
                    + "please open it now";
            case RETENTION_REVIEW, ACCOUNT_INVITATION, ACCOUNT_NOTICE, SMS ->
                    throw new IllegalArgumentException("not a tip notification");
        };
    }
}
