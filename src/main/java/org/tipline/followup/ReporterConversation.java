package org.tipline.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tipline.tip.ClosingNote;
import org.tipline.tip.TipConversation;
import org.tipline.tip.TipMessage;
import org.tipline.directory.DirectorySettings;
import org.tipline.tip.Tip;
import org.tipline.tip.TipHistory;
import org.tipline.tip.MessageDirection;
import org.tipline.retention.RetentionPolicies;
import org.tipline.routing.TipRouting;

/**
 * The reporter's side of a tip's conversation: what they may see, and the messages they add. Staff write
 * theirs through the case file ({@code CaseLifecycle.addMessage}); both are {@link TipMessage}s sealed
 * under the tip's data key.
 */
@ApplicationScoped
class ReporterConversation {

    private static final Duration HOUR = Duration.ofHours(1);

    private final Clock clock;
    private final FollowupSettings settings;
    private final TipConversation conversation;
    private final TipRouting routing;
    private final TipHistory history;
    private final ZoneId timeZone;
    private final RetentionPolicies retention;

    ReporterConversation(Clock clock, FollowupSettings settings, TipConversation conversation, TipRouting routing,
            TipHistory history, DirectorySettings directory, RetentionPolicies retention) {
        this.clock = clock;
        this.settings = settings;
        this.conversation = conversation;
        this.routing = routing;
        this.history = history;
        this.timeZone = directory.timeZone();
        this.retention = retention;
    }

    @Transactional
    FollowupView view(UUID tipId) {
        return view(tipOf(Tip.lockedForRead(tipId)));
    }

    private FollowupView view(Tip tip) {
        var messages = conversation.of(tip.id()).stream()
                .map(m -> new FollowupView.Message(m.direction == MessageDirection.TO_REPORTER ? "staff" : "you",
                        m.createdAt.truncatedTo(ChronoUnit.HOURS), conversation.text(m)))
                .toList();
        ClosingNote note = tip.closingNote();
        FollowupView.ClosingNoteView closingNote = note == null ? null : new FollowupView.ClosingNoteView(note.name(), note.text());
        return new FollowupView(tip.reference(), tip.status().reporterStatus(), LocalDate.ofInstant(tip.submittedAt(), timeZone),
                messages, closingNote, canReply(tip), retention.deletionDay(tip).orElse(null), tip.shredded());
    }

    /**
     * Adds the reporter's message and tells the tip's recipients (without its content) that there is one;
     * answers the view with the message in it.
     */
    @Transactional
    FollowupView addMessage(UUID tipId, String text) {
        // Locked first: a message that meets a shredding waits for it, then finds the conversation deleted (409).
        Tip tip = tipOf(Tip.lockedForWrite(tipId));
        if (!canReply(tip)) {
            throw new ConversationClosedException();
        }
        Instant now = clock.instant();
        List<TipMessage> lastHour = TipMessage.fromReporterSince(tip.id(), now.minus(HOUR));
        if (lastHour.size() >= settings.maxMessagesPerHour()) {
            // Room again once the oldest message that counts is an hour old.
            Instant oldestCounted = lastHour.get(settings.maxMessagesPerHour() - 1).createdAt;
            throw new TooManyMessagesException(Duration.between(now, oldestCounted.plus(HOUR)).toSeconds() + 1);
        }
        conversation.add(tip, MessageDirection.FROM_REPORTER, null, now, text);
        history.step(tip, "MESSAGE_FROM_REPORTER", TipHistory.REPORTER, null);
        routing.notifyReporterMessage(tip);
        return view(tip);
    }

    /** Open, or closed less than the reply window ago. */
    private boolean canReply(Tip tip) {
        return tip.acceptsReporterMessages(clock.instant(), settings.replyWindowAfterClose());
    }

    /** A token can outlive its tip (retention deletes tips): then it is simply no longer valid. */
    private static Tip tipOf(Optional<Tip> tip) {
        return tip.orElseThrow(ReporterTokenInvalidException::new);
    }

}
