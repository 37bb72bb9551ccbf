package org.tipline.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.tipline.audit.AuditLog;
import org.tipline.casework.ClosingNote;
import org.tipline.casework.TipMessage;
import org.tipline.crypto.RecordKind;
import org.tipline.crypto.RecordRef;
import org.tipline.crypto.TipEncryption;
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
    private final TipEncryption encryption;
    private final TipRouting routing;
    private final AuditLog audit;
    private final IntakeSettings intake;

    ReporterConversation(Clock clock, FollowupSettings settings, TipEncryption encryption, TipRouting routing, AuditLog audit,
            IntakeSettings intake) {
        this.clock = clock;
        this.settings = settings;
        this.encryption = encryption;
        this.routing = routing;
        this.audit = audit;
        this.intake = intake;
    }

    @Transactional
    FollowupView view(UUID tipId) {
        Tip tip = tipOf(tipId);
        var messages = TipMessage.<TipMessage>list("tipId = ?1 order by createdAt, id", tip.id).stream()
                .map(m -> new FollowupView.Message("TO_REPORTER".equals(m.direction) ? "staff" : "you",
                        m.createdAt.truncatedTo(ChronoUnit.HOURS), open(tip, m)))
                .toList();
        FollowupView.ClosingNoteView closingNote = tip.closingNote == null ? null
                : new FollowupView.ClosingNoteView(tip.closingNote, ClosingNote.valueOf(tip.closingNote).text());
        return new FollowupView(tip.reference, coarseStatus(tip.status),
                LocalDate.ofInstant(tip.submittedAt, intake.timeZone()), messages, closingNote, canReply(tip));
    }

    /** Adds the reporter's message and tells the tip's recipients (without its content) that there is one. */
    @Transactional
    void addMessage(UUID tipId, String text) {
        Tip tip = tipOf(tipId);
        if (!canReply(tip)) {
            throw new ConversationClosedException();
        }
        Instant now = clock.instant();
        List<TipMessage> lastHour = TipMessage.list("tipId = ?1 and direction = 'FROM_REPORTER' and createdAt > ?2 "
                + "order by createdAt desc", tip.id, now.minus(HOUR));
        if (lastHour.size() >= settings.maxMessagesPerHour()) {
            // Room again once the oldest message that counts is an hour old.
            Instant oldestCounted = lastHour.get(settings.maxMessagesPerHour() - 1).createdAt;
            throw new TooManyMessagesException(Duration.between(now, oldestCounted.plus(HOUR)).toSeconds() + 1);
        }
        TipMessage message = new TipMessage();
        message.id = UUID.randomUUID();
        message.tipId = tip.id;
        message.direction = "FROM_REPORTER";
        message.createdAt = now;
        message.body = encryption.sealForTip(new RecordRef(tip.id, RecordKind.MESSAGE, message.id.toString()),
                text.getBytes(StandardCharsets.UTF_8));
        message.persist();
        TipEvent.record(tip.id, now, "MESSAGE_FROM_REPORTER", REPORTER, null);
        audit.append(REPORTER, "TIP_MESSAGE_FROM_REPORTER", tip.id, null);
        routing.notifyReporterMessage(tip);
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

    private String open(Tip tip, TipMessage message) {
        return new String(encryption.openForTip(new RecordRef(tip.id, RecordKind.MESSAGE, message.id.toString()), message.body),
                StandardCharsets.UTF_8);
    }

    static String coarseStatus(String status) {
        return switch (status) {
            case "NEW" -> "received";
            case "CLOSED" -> "closed";
            default -> "being-looked-into";
        };
    }
}
