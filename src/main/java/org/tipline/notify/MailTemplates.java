package org.tipline.notify;

import io.quarkus.mailer.MailTemplate;
import io.quarkus.qute.CheckedTemplate;

/**
 * Notification mails, plain text and HTML ({@code templates/MailTemplates/<kind>.txt|html}). Their
 * only data is a {@link Notification}, which holds no tip content.
 */
@CheckedTemplate(basePath = "MailTemplates")
final class MailTemplates {

    private MailTemplates() {
    }

    static native MailTemplate.MailTemplateInstance newTip(Notification n, String deadline);

    static native MailTemplate.MailTemplateInstance escalation(Notification n, String deadline);

    static native MailTemplate.MailTemplateInstance reassigned(Notification n, String deadline);

    static native MailTemplate.MailTemplateInstance callDown(Notification n, String deadline);

    static native MailTemplate.MailTemplateInstance reporterMessage(Notification n);

    static native MailTemplate.MailTemplateInstance retentionReview(ReviewNotice n, String submitted);

    static native MailTemplate.MailTemplateInstance accountInvitation(AccountMail mail, String link);

    static native MailTemplate.MailTemplateInstance accountNotice(AccountMail mail);
}
