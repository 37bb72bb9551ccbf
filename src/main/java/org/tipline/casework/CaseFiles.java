package org.tipline.casework;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import org.tipline.audit.AuditLog;
import org.tipline.auth.StaffScope;
import org.tipline.crypto.RecordKind;
import org.tipline.crypto.RecordRef;
import org.tipline.crypto.TipEncryption;
import org.tipline.directory.School;
import org.tipline.intake.Tip;
import org.tipline.intake.TipBody;
import org.tipline.intake.TipEvent;
import org.tipline.routing.TipRecipient;

/** Opens a tip for a staff member in scope: decrypts it and writes the read to the audit log. */
@ApplicationScoped
public class CaseFiles {

    private final TipEncryption encryption;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final Clock clock;
    private final TipConversation conversation;

    CaseFiles(TipEncryption encryption, ObjectMapper json, AuditLog audit, Clock clock, TipConversation conversation) {
        this.encryption = encryption;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
        this.conversation = conversation;
    }

    /** The tip, if the scope covers it; {@link TipNotFoundException} otherwise. */
    static Tip inScope(StaffScope scope, UUID tipId) {
        Tip tip = Tip.findById(tipId);
        if (tip == null || !scope.covers(tip)) {
            throw new TipNotFoundException();
        }
        return tip;
    }

    @Transactional
    public TipDetail read(StaffScope scope, UUID tipId) {
        Tip tip = inScope(scope, tipId);
        audit.append(scope.staffId().toString(), "TIP_READ", tip.id, null);
        // Staff have now seen the reporter's latest messages: they no longer count as unread in the queue.
        TipMessage.update("readAt = ?1 where tipId = ?2 and direction = ?3 and readAt is null", clock.instant(), tip.id,
                TipMessage.FROM_REPORTER);
        School school = tip.schoolId == null ? null : School.findById(tip.schoolId);
        TipBody body = decrypt(tip);
        return new TipDetail(tip.id, tip.reference, tip.schoolId, school == null ? null : school.name, tip.category,
                tip.urgency, tip.status, tip.outcome, tip.closingNote, tip.leadStaffId, tip.submittedAt, tip.ackDeadline,
                tip.acknowledgedAt,
                new TipDetail.Content(body.description(), body.location(), body.when(), body.peopleInvolved(),
                        body.reporterContact(), body.language()),
                TipRecipient.<TipRecipient>list("tipId", tip.id).stream()
                        .map(r -> new TipDetail.RecipientView(r.email, r.role.name(), r.reason, r.lead)).toList(),
                TipEvent.<TipEvent>list("tipId = ?1 order by at", tip.id).stream()
                        .map(e -> new TipDetail.HistoryEntry(e.at, e.kind, e.actor, e.detail)).toList(),
                TipNote.<TipNote>list("tipId = ?1 order by createdAt", tip.id).stream()
                        .map(n -> new TipDetail.Note(n.id, n.createdAt, n.authorStaffId,
                                encryption.openText(tip.id, RecordKind.NOTE, n.id, n.body)))
                        .toList(),
                conversation.of(tip.id).stream()
                        .map(m -> new TipDetail.Message(m.id, m.createdAt, m.direction, m.authorStaffId, conversation.text(m)))
                        .toList());
    }

    private TipBody decrypt(Tip tip) {
        try {
            return json.readValue(encryption.openForTip(RecordRef.tipBody(tip.id), tip.body), TipBody.class);
        } catch (IOException e) {
            throw new IllegalStateException("a stored tip body does not parse", e);
        }
    }
}
