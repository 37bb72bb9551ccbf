package org.tipline.routing;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tipline.directory.Agency;
import org.tipline.directory.School;
import org.tipline.directory.Staff;
import org.tipline.notify.NotificationKind;
import org.tipline.notify.Outbox;
import org.tipline.notify.SmsText;
import org.tipline.tip.Tip;
import org.tipline.tip.TipHistory;
import org.tipline.tip.Urgency;

/**
 * The call-down of a life-safety tip (what Safe2Say and STOPit run): one contact after another, each at its wait
 * after submission, until someone acknowledges. Each step mails its contacts and texts those with a mobile number;
 * acknowledging or closing the tip ends the ladder, and since that is a column of the tip, on every replica at once.
 */
@ApplicationScoped
class CallDown {

    private final CallDownLadders ladders;
    private final TipRouter router;
    private final Outbox outbox;
    private final TipNotifications notifications;
    private final TipHistory history;
    private final Clock clock;
    private final Optional<String> deskMobile;

    CallDown(CallDownLadders ladders, TipRouter router, Outbox outbox, TipNotifications notifications, TipHistory history,
            Clock clock, RoutingSettings settings) {
        this.deskMobile = settings.analystDeskMobile();
        this.ladders = ladders;
        this.router = router;
        this.outbox = outbox;
        this.notifications = notifications;
        this.history = history;
        this.clock = clock;
    }

    /** Puts a newly routed life-safety tip on its ladder and calls the steps that are due at once. */
    void start(Tip tip, School school) {
        if (tip.urgency() != Urgency.LIFE_SAFETY) {
            return;
        }
        List<CallDownStep> ladder = ladders.of(school);
        tip.callDownNext(0, ladder.isEmpty() ? null : tip.submittedAt().plus(ladder.get(0).after()));
        // The tip's recipients were mailed the new tip a moment ago: a second mail at once would only be noise.
        Set<String> mailedJustNow = TipRecipient.ofTip(tip.id()).stream().map(recipient -> recipient.email.toLowerCase())
                .collect(Collectors.toSet());
        callDueSteps(tip, mailedJustNow);
    }

    /** Calls every step of the tip's ladder that is due now, and schedules the next one. */
    void callDueSteps(Tip tip) {
        callDueSteps(tip, Set.of());
    }

    private void callDueSteps(Tip tip, Set<String> mailedJustNow) {
        Instant now = clock.instant();
        School school = tip.schoolId() == null ? null : School.findById(tip.schoolId());
        List<CallDownStep> ladder = ladders.of(school);
        while (tip.nextCallDownAt() != null && !tip.nextCallDownAt().isAfter(now) && tip.acknowledgedAt() == null) {
            int step = tip.callDownStep();
            if (step < ladder.size()) {
                call(tip, school, step, ladder.get(step), mailedJustNow);
            }
            int next = step + 1;
            tip.callDownNext(next, next < ladder.size() ? tip.submittedAt().plus(ladder.get(next).after()) : null);
        }
    }

    private void call(Tip tip, School school, int step, CallDownStep callDownStep, Set<String> mailedJustNow) {
        List<Recipient> contacts = router.callDownContacts(school, callDownStep.contact());
        var notification = notifications.of(tip, school, NotificationKind.CALL_DOWN);
        SmsText text = new SmsText(notification.reference(), notification.urgency(), notification.school(),
                notification.link());
        for (Recipient contact : contacts) {
            if (!mailedJustNow.contains(contact.email().toLowerCase())) {
                outbox.enqueue(tip.id(), contact.email(), notification);
            }
            // An SRO on patrol reads a text first: every step texts those with a number, at submission too.
            mobileOf(contact).ifPresent(mobile -> outbox.enqueueSms(tip.id(), mobile, text));
        }
        history.event(tip.id(), "CALLED_DOWN", TipHistory.SYSTEM, "step " + (step + 1) + " (" + callDownStep.contact()
                + "): " + contacts.stream().map(Recipient::email).collect(Collectors.joining(", ")));
    }

    /** The contact's mobile number: the account's, the agency's on-call or supervisor line, or the desk's. */
    private Optional<String> mobileOf(Recipient contact) {
        if (contact.staffId() != null) {
            Staff staff = Staff.findById(contact.staffId());
            return staff == null ? Optional.empty() : staff.mobile();
        }
        if (contact.agencyId() != null) {
            Agency agency = Agency.findById(contact.agencyId());
            return contact.email().equalsIgnoreCase(agency.supervisorEmail) ? agency.supervisorMobile() : agency.onCallMobile();
        }
        return contact.role() == RecipientRole.ANALYST_DESK ? deskMobile : Optional.empty();
    }
}
