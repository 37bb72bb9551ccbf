package org.tipline.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.tipline.auth.StaffScope;
import org.tipline.crypto.RecordKind;
import org.tipline.crypto.TipEncryption;
import org.tipline.directory.School;
import org.tipline.directory.ServedSchools;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;
import org.tipline.platform.InvalidFieldException;
import org.tipline.routing.TipRouting;
import org.tipline.tip.ClosingNote;
import org.tipline.tip.MessageDirection;
import org.tipline.tip.Outcome;
import org.tipline.tip.Tip;
import org.tipline.tip.TipConversation;
import org.tipline.tip.TipHistory;
import org.tipline.tip.TipMessage;
import org.tipline.tip.TipNote;

/**
 * Staff's steps on a case (DESIGN 3): the lifecycle transitions (their rules are {@link Tip}'s), notes, messages
 * to the reporter, the lead, reassignment. Every step checks the caller's scope and is written to the tip's
 * history and the audit log.
 */
@ApplicationScoped
public class CaseLifecycle {

    private final Clock clock;
    private final TipHistory history;
    private final TipEncryption encryption;
    private final TipRouting routing;
    private final TipConversation conversation;

    CaseLifecycle(Clock clock, TipHistory history, TipEncryption encryption, TipRouting routing, TipConversation conversation) {
        this.clock = clock;
        this.history = history;
        this.encryption = encryption;
        this.routing = routing;
        this.conversation = conversation;
    }

    /** NEW → ACKNOWLEDGED; stops escalation. */
    @Transactional
    public void acknowledge(StaffScope scope, UUID tipId) {
        Tip tip = Tip.inScope(scope, tipId);
        tip.acknowledge(clock.instant());
        step(scope, tip, "ACKNOWLEDGED", null);
    }

    /** ACKNOWLEDGED → IN_PROGRESS, the only status set directly. */
    @Transactional
    public void setStatus(StaffScope scope, UUID tipId, String status) {
        if (!"IN_PROGRESS".equals(status)) {
            throw new InvalidFieldException("status", "must be IN_PROGRESS; use acknowledge, close and reopen for the rest");
        }
        Tip tip = Tip.inScope(scope, tipId);
        tip.startWork();
        step(scope, tip, "IN_PROGRESS", null);
    }

    /** ACKNOWLEDGED or IN_PROGRESS → CLOSED with an outcome, and the note the reporter will see. */
    @Transactional
    public void close(StaffScope scope, UUID tipId, Outcome outcome, ClosingNote closingNote) {
        Tip tip = Tip.inScope(scope, tipId);
        tip.close(outcome, closingNote, clock.instant());
        step(scope, tip, "CLOSED", outcome.name());
    }

    /** CLOSED → IN_PROGRESS. */
    @Transactional
    public void reopen(StaffScope scope, UUID tipId) {
        Tip tip = Tip.inScope(scope, tipId);
        tip.reopen();
        step(scope, tip, "REOPENED", null);
    }

    /** A staff-only note, encrypted like the tip. */
    @Transactional
    public UUID addNote(StaffScope scope, UUID tipId, String text) {
        Tip tip = Tip.inScope(scope, tipId);
        TipNote note = new TipNote();
        note.id = UUID.randomUUID();
        note.tipId = tip.id();
        note.authorStaffId = scope.staffId();
        note.createdAt = clock.instant();
        note.body = encryption.sealText(tip.id(), RecordKind.NOTE, note.id, text);
        note.persist();
        step(scope, tip, "NOTE_ADDED", null);
        return note.id;
    }

    /** A message to the reporter, encrypted like the tip; the reporter reads it with their case code. */
    @Transactional
    public UUID addMessage(StaffScope scope, UUID tipId, String text) {
        Tip tip = Tip.inScope(scope, tipId);
        TipMessage message = conversation.add(tip, MessageDirection.TO_REPORTER, scope.staffId(), clock.instant(), text);
        step(scope, tip, "MESSAGE_TO_REPORTER", null);
        return message.id;
    }

    /** Makes a staff member who serves the tip's school (or an analyst) its lead. */
    @Transactional
    public void assignLead(StaffScope scope, UUID tipId, UUID staffId) {
        Tip tip = Tip.inScope(scope, tipId);
        Staff lead = Staff.findById(staffId);
        if (lead == null || !lead.enabled || !servesTip(lead, tip)) {
            throw new InvalidFieldException("staffId", "must be an active staff member who serves the tip's school");
        }
        tip.assignLead(lead.id);
        step(scope, tip, "LEAD_ASSIGNED", lead.email);
    }

    /**
     * Moves the tip to another active school: it is routed again and the new recipients are notified. Staff move
     * tips within the tip's district; only analysts, who see every district, move them across.
     */
    @Transactional
    public void reassign(StaffScope scope, UUID tipId, UUID schoolId) {
        Tip tip = Tip.inScope(scope, tipId);
        School school = School.findById(schoolId);
        if (school == null || !school.active) {
            throw new InvalidFieldException("schoolId", "no active school has this id");
        }
        if (!scope.seesEverything() && !sameDistrict(tip, school)) {
            throw new InvalidFieldException("schoolId", "must be a school of the tip's district; only analysts move tips "
                    + "to another district");
        }
        // Audited before the move, so the entry carries the school the tip leaves (see TipHistory.audit); routing
        // writes the history entry with the new recipients.
        history.audit(tip, "REASSIGNED", scope.staffId().toString(), school.name);
        routing.reassign(tip, schoolId, scope.staffId().toString());
    }

    private static boolean sameDistrict(Tip tip, School destination) {
        School current = tip.schoolId() == null ? null : School.findById(tip.schoolId());
        return current != null && current.district.id.equals(destination.district.id);
    }

    private void step(StaffScope scope, Tip tip, String kind, String detail) {
        history.step(tip, kind, scope.staffId().toString(), detail);
    }

    private static boolean servesTip(Staff staff, Tip tip) {
        if (staff.role == StaffRole.ANALYST) {
            return true;
        }
        return tip.schoolId() != null && ServedSchools.serves(staff.id, tip.schoolId());
    }
}
