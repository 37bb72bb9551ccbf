package org.tipline.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tipline.crypto.CaseCode;
import org.tipline.crypto.RecordRef;
import org.tipline.crypto.TipEncryption;
import org.tipline.crypto.TipKey;
import org.tipline.directory.Category;
import org.tipline.directory.DirectorySettings;
import org.tipline.tip.Channel;
import org.tipline.tip.TipHistory;
import org.tipline.tip.Tip;
import org.tipline.tip.TipSubmitted;
import org.tipline.tip.TipBody;

/**
 * Stores a validated tip, encrypted, in one transaction together with what {@link TipSubmitted} observers
 * add (recipients, notifications): the 201 is sent only after it commits.
 */
@ApplicationScoped
class TipRecorder {

    private final TipEncryption encryption;
    private final ReferenceNumbers references;
    private final IdempotentIntake idempotency;
    private final ZoneId timeZone;
    private final TipHistory history;
    private final ObjectMapper json;
    private final Clock clock;
    private final Event<TipSubmitted> submitted;
    private final ReporterAccess reporterAccess;

    TipRecorder(TipEncryption encryption, ReferenceNumbers references, IdempotentIntake idempotency,
            DirectorySettings directory, TipHistory history, ObjectMapper json, Clock clock, Event<TipSubmitted> submitted,
            ReporterAccess reporterAccess) {
        this.submitted = submitted;
        this.reporterAccess = reporterAccess;
        this.encryption = encryption;
        this.references = references;
        this.idempotency = idempotency;
        this.timeZone = directory.timeZone();
        this.history = history;
        this.json = json;
        this.clock = clock;
    }

    /** A tip from the reporter, through the form or the API. */
    TipReceipt record(TipSubmission submission, Optional<CaseCode> code, byte[] caseCodeHash,
            List<IdempotentIntake.Request> idempotencyRequests) {
        return record(submission, code, caseCodeHash, idempotencyRequests, Channel.WEB, TipHistory.REPORTER);
    }

    /**
     * A tip as {@code enteredBy} says it came in: the reporter on the web, or a staff member who took it on another
     * channel and is the one recorded (in the history and the audit log), never as its reporter.
     */
    @Transactional
    TipReceipt record(TipSubmission submission, Optional<CaseCode> code, byte[] caseCodeHash,
            List<IdempotentIntake.Request> idempotencyRequests, Channel channel, String enteredBy) {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, timeZone);
        UUID tipId = UUID.randomUUID();
        TipEncryption.NewDataKey key = encryption.newDataKey(tipId);
        try {
            Tip tip = Tip.submitted(tipId, references.next(day.getYear()), submission.schoolId(),
                    Category.valueOf(submission.category()), submission.happeningNow(), now, caseCodeHash,
                    encryption.seal(key.dataKey(), RecordRef.tipBody(tipId), serialize(body(submission))), channel);
            history.event(tipId, "SUBMITTED", enteredBy, channel == Channel.WEB ? null : "taken by staff, channel " + channel);
            // Before persist: observers set the urgency and deadline, which the insert must carry.
            submitted.fire(new TipSubmitted(tip));
            tip.persist();
            TipKey.of(tipId, key.wrapped(), now).persist();
            if (channel != Channel.WEB) {
                history.audit(tip, "TAKEN_BY_STAFF", enteredBy, channel.name());
            }

            TipReceipt receipt = new TipReceipt(code.map(CaseCode::display).orElse(null), tip.reference(), day, null);
            idempotencyRequests.forEach(request -> idempotency.remember(request, tipId, key.dataKey(), receipt, now));
            return channel == Channel.WEB
                    ? receipt.withReporterToken(reporterAccess.reporterToken(tipId, Optional.ofNullable(submission.reporterKeys())))
                    : receipt;
        } finally {
            key.dataKey().destroy();
        }
    }

    private static TipBody body(TipSubmission submission) {
        return new TipBody(submission.description(), submission.location(), submission.when(), submission.peopleInvolved(),
                submission.reporterContact(), submission.language());
    }

    private byte[] serialize(TipBody body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a tip body", e);
        }
    }
}
