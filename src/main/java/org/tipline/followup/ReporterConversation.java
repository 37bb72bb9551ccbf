package org.tipline.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.tipline.audit.AuditLog;
import org.tipline.casework.ClosingNote;
import org.tipline.casework.TipConversation;
import org.tipline.casework.TipMessage;
import org.tipline.intake.IntakeSettings;
import org.tipline.intake.Tip;
import org.tipline.intake.TipEvent;
import org.tipline.routing.TipRouting;

/**
 * The reporter's side of a tip's conversation: what they may see, and the messages they add. Staff write
 * theirs through the case file ({@code CaseLifecycle.addMessage}); both are {@link TipMessage}s sealed
 * under the tip's data key.
 */
@ApplicationScoped
class ReporterConversation {

    static final String REPORTER = "reporter";
    private static final Duration HOUR = Duration.ofHours(1);

    private final Clock clock;
    private final FollowupSettings settings;
    private final TipConversation conversation;
    private final TipRouting routing;
    private final AuditLog audit;
    private final IntakeSettings intake;

    ReporterConversation(Clock clock, FollowupSettings settings, TipConversation conversation, TipRouting routing, AuditLog audit,
            IntakeSettings intake) {
        this.clock = clock;
        this.settings = settings;
        this.conversation = conversation;
        this.routing = routing;
        this.audit = audit;
        this.intake = intake;
    }

    @Transactional
    FollowupView view(UUID tipId) {
        return view(tipOf(tipId));
    }

    private FollowupView view(Tip tip) {
        var messages = conversation.of(tip.id).stream()
                .map(m -> new FollowupView.Message(TipMessage.TO_REPORTER.equals(m.direction) ? "staff" : "you",
                        m.createdAt.truncatedTo(ChronoUnit.HOURS), conversation.text(m)))
                .toList();
        FollowupView.ClosingNoteView closingNote = tip.closingNote == null ? null
                : new FollowupView.ClosingNoteView(tip.closingNote, ClosingNote.valueOf(tip.closingNote).text());
        return new FollowupView(tip.reference, coarseStatus(tip.status),
                LocalDate.ofInstant(tip.submittedAt, intake.timeZone()), messages, closingNote, canReply(tip));
    }

    /**
     * Adds the reporter's message and tells the tip's recipients (without its content) that there is one;
     * answers the view with the message in it.
     */
    @Transactional
    FollowupView addMessage(UUID tipId, String text) {
        Tip tip = tipOf(tipId);
        if (!canReply(tip)) {
            throw new ConversationClosedException();
        }
        Instant now = clock.instant();
        List<TipMessage> lastHour = TipMessage.list("tipId = ?1 and direction = ?2 and createdAt > ?3 order by createdAt desc",
                tip.id, TipMessage.FROM_REPORTER, now.minus(HOUR));
        if (lastHour.size() >= settings.maxMessagesPerHour()) {
            // Room again once the oldest message that counts is an hour old.
            Instant oldestCounted = lastHour.get(settings.maxMessagesPerHour() - 1).createdAt;
            throw new TooManyMessagesException(Duration.between(now, oldestCounted.plus(HOUR)).toSeconds() + 1);
        }
        conversation.add(tip, TipMessage.FROM_REPORTER, null, now, text);
        TipEvent.record(tip.id, now, "MESSAGE_FROM_REPORTER", REPORTER, null);
        audit.append(REPORTER, "TIP_MESSAGE_FROM_REPORTER", tip.id, null);
        routing.notifyReporterMessage(tip);
        return view(tip);
    }

    /** Open, or closed less than the reply window ago. */
    private boolean canReply(Tip tip) {
        return tip.closedAt == null || clock.instant().isBefore(tip.closedAt.plus(settings.replyWindowAfterClose()));
    }

    /** A token can outlive its tip (retention deletes tips): then it is simply no longer valid. */
    private static Tip tipOf(UUID tipId) {
        Tip tip = Tip.findById(tipId);
        if (tip == null) {
            throw new ReporterTokenInvalidException();
        }
        return tip;
    }

    static String coarseStatus(String status) {
        return switch (status) {
            case "NEW" -> "received";
            case "CLOSED" -> "closed";
            default -> "being-looked-into";
        };
    }
}
