package org.tipline.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tipline.directory.School;
import org.tipline.tip.Tip;
import org.tipline.tip.TipHistory;
import org.tipline.tip.TipSubmitted;
import org.tipline.notify.Notification;
import org.tipline.notify.NotificationKind;
import org.tipline.notify.Outbox;
import org.tipline.tip.Urgency;

/**
 * Applies routing to a tip inside its transaction: urgency and deadline at submission, the recipients,
 * the history entry and one notification per recipient in the outbox. A tip thus commits with its
 * recipients or not at all (the database refuses a tip without one).
 */
@ApplicationScoped
public class TipRouting {

    private final TipRouter router;
    private final Deadlines deadlines;
    private final Outbox outbox;
    private final TipNotifications notifications;
    private final CallDown callDown;
    private final TipHistory history;
    private final Clock clock;

    TipRouting(TipRouter router, Deadlines deadlines, Outbox outbox, TipNotifications notifications, CallDown callDown,
            TipHistory history, Clock clock) {
        this.router = router;
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.notifications = notifications;
        this.callDown = callDown;
        this.history = history;
        this.clock = clock;
    }

    void onSubmitted(@Observes TipSubmitted event) {
        Tip tip = event.tip();
        School school = school(tip.schoolId());
        Urgency urgency = Urgency.of(tip.category(), tip.happeningNow());
        tip.route(urgency, deadlines.acknowledgeBy(urgency, school == null ? null : school.district, tip.submittedAt()));
        route(tip, school, NotificationKind.NEW_TIP, "ROUTED", TipHistory.SYSTEM);
        callDown.start(tip, school);
    }

    /** Moves a tip to another school (or to none): new recipients, notified; the old ones no longer get it. */
    public void reassign(Tip tip, UUID schoolId, String actor) {
        School school = school(schoolId);
        TipRecipient.deleteForTip(tip.id());
        tip.moveTo(schoolId);
        route(tip, school, NotificationKind.REASSIGNED, "REASSIGNED", actor);
    }

    /** Notifies the escalation targets of an overdue tip and schedules the next round. */
    public void escalate(Tip tip) {
        School school = school(tip.schoolId());
        List<Recipient> targets = router.escalationTargets(school);
        Notification notification = notification(tip, school, NotificationKind.ESCALATION);
        targets.forEach(target -> outbox.enqueue(tip.id(), target.email(), notification));
        history.event(tip.id(), "ESCALATED", TipHistory.SYSTEM, describe(targets));
        tip.escalated(clock.instant().plus(router.escalationRepeat()));
    }

    /** Tells the tip's current recipients that the reporter wrote; the mail carries no content. */
    public void notifyReporterMessage(Tip tip) {
        Notification notification = notification(tip, school(tip.schoolId()), NotificationKind.REPORTER_MESSAGE);
        TipRecipient.ofTip(tip.id()).forEach(r -> outbox.enqueue(tip.id(), r.email, notification));
    }

    private void route(Tip tip, School school, NotificationKind kind, String eventKind, String actor) {
        Instant now = clock.instant();
        List<Recipient> recipients = router.recipients(school, tip.category(), tip.urgency());
        Notification notification = notification(tip, school, kind);
        for (Recipient recipient : recipients) {
            TipRecipient.of(tip.id(), recipient, now).persist();
            outbox.enqueue(tip.id(), recipient.email(), notification);
        }
        history.event(tip.id(), eventKind, actor, describe(recipients));
    }

    private Notification notification(Tip tip, School school, NotificationKind kind) {
        return notifications.of(tip, school, kind);
    }

    private static String describe(List<Recipient> recipients) {
        return recipients.stream()
                .map(r -> r.role() + (r.lead() ? " (lead) " : " ") + r.email() + ": " + r.reason())
                .collect(Collectors.joining("; "));
    }

    private static School school(UUID schoolId) {
        return schoolId == null ? null : School.findById(schoolId);
    }
}
