package org.tipline.casework;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import org.tipline.attachment.Attachments;
import org.tipline.auth.StaffScope;
import org.tipline.crypto.RecordKind;
import org.tipline.crypto.RecordRef;
import org.tipline.crypto.TipEncryption;
import org.tipline.directory.DirectorySettings;
import org.tipline.directory.School;
import org.tipline.retention.RetentionPolicies;
import org.tipline.routing.TipRecipient;
import org.tipline.tip.Tip;
import org.tipline.tip.TipBody;
import org.tipline.tip.TipConversation;
import org.tipline.tip.TipEvent;
import org.tipline.tip.TipHistory;
import org.tipline.tip.TipMessage;
import org.tipline.tip.TipNote;

/** Opens a tip for a staff member in scope: decrypts it and writes the read to the audit log. */
@ApplicationScoped
public class CaseFiles {

    private final TipEncryption encryption;
    private final ObjectMapper json;
    private final TipHistory history;
    private final Clock clock;
    private final TipConversation conversation;
    private final String lineZone;
    private final Attachments attachments;
    private final RetentionPolicies retention;

    CaseFiles(TipEncryption encryption, ObjectMapper json, TipHistory history, Clock clock, TipConversation conversation,
            DirectorySettings directory, Attachments attachments, RetentionPolicies retention) {
        this.attachments = attachments;
        this.retention = retention;
        this.encryption = encryption;
        this.json = json;
        this.history = history;
        this.clock = clock;
        this.conversation = conversation;
        this.lineZone = directory.timeZone().getId();
    }

    @Transactional
    public TipDetail read(StaffScope scope, UUID tipId) {
        // Locked for the read: a shredding committing meanwhile would leave ciphertexts seen and their key gone.
        Tip tip = Tip.readLockedInScope(scope, tipId);
        history.audit(tip, "READ", scope.staffId().toString(), null);
        TipMessage.markReadByStaff(tip.id(), clock.instant());
        School school = tip.schoolId() == null ? null : School.findById(tip.schoolId());
        TipBody body = tip.shredded() ? null : decrypt(tip);
        return new TipDetail(tip.id(), tip.reference(), tip.schoolId(), school == null ? null : school.name,
                school == null ? lineZone : school.district.timeZone,
                tip.category().name(), tip.urgency().name(), tip.channel().name(), tip.status().name(), nameOf(tip.outcome()),
                nameOf(tip.closingNote()), tip.leadStaffId(), tip.submittedAt(), tip.ackDeadline(), tip.acknowledgedAt(),
                body == null ? null : new TipDetail.Content(body.description(), body.location(), body.when(),
                        body.peopleInvolved(), body.reporterContact(), body.language()),
                TipRecipient.ofTip(tip.id()).stream()
                        .map(r -> new TipDetail.RecipientView(r.email, r.role.name(), r.reason, r.lead)).toList(),
                TipEvent.historyOf(tip.id()).stream()
                        .map(e -> new TipDetail.HistoryEntry(e.at, e.kind, e.actor, e.detail)).toList(),
                TipNote.ofTip(tip.id()).stream()
                        .map(n -> new TipDetail.Note(n.id, n.createdAt, n.authorStaffId,
                                encryption.openText(tip.id(), RecordKind.NOTE, n.id, n.body)))
                        .toList(),
                conversation.of(tip.id()).stream()
                        .map(m -> new TipDetail.Message(m.id, m.createdAt, m.direction.name(), m.authorStaffId,
                                conversation.text(m)))
                        .toList(),
                attachments.listFor(scope, tip), retention.viewOf(tip));
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private TipBody decrypt(Tip tip) {
        try {
            return json.readValue(encryption.openForTip(RecordRef.tipBody(tip.id()), tip.sealedBody()), TipBody.class);
        } catch (IOException e) {
            throw new IllegalStateException("a stored tip body does not parse", e);
        }
    }
}
