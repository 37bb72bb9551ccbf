package org.tipline.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.tipline.audit.AuditLog;
import org.tipline.auth.StaffScope;
import org.tipline.crypto.RecordKind;
import org.tipline.crypto.TipEncryption;
import org.tipline.directory.Assignment;
import org.tipline.directory.School;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;
import org.tipline.intake.Tip;
import org.tipline.intake.TipEvent;
import org.tipline.platform.InvalidFieldException;
import org.tipline.routing.TipRouting;

/**
 * The life of a case (DESIGN 3): NEW → ACKNOWLEDGED → IN_PROGRESS → CLOSED (with an outcome), CLOSED →
 * IN_PROGRESS (reopen); notes, messages to the reporter, the lead, reassignment. Every step checks the
 * caller's scope, is recorded in the tip's history and written to the audit log.
 */
@ApplicationScoped
public class CaseLifecycle {

    private static final Set<String> CLOSABLE = Set.of("ACKNOWLEDGED", "IN_PROGRESS");

    private final Clock clock;
    private final AuditLog audit;
    private final TipEncryption encryption;
    private final TipRouting routing;
    private final TipConversation conversation;

    CaseLifecycle(Clock clock, AuditLog audit, TipEncryption encryption, TipRouting routing, TipConversation conversation) {
        this.clock = clock;
        this.audit = audit;
        this.encryption = encryption;
        this.routing = routing;
        this.conversation = conversation;
    }

    /** NEW → ACKNOWLEDGED; stops escalation. */
    @Transactional
    public void acknowledge(StaffScope scope, UUID tipId) {
        Tip tip = transition(scope, tipId, Set.of("NEW"), "ACKNOWLEDGED");
        tip.acknowledgedAt = clock.instant();
        tip.nextEscalationAt = null;
        record(scope, tip, "ACKNOWLEDGED", null);
    }

    /** ACKNOWLEDGED → IN_PROGRESS, the only status set directly. */
    @Transactional
    public void setStatus(StaffScope scope, UUID tipId, String status) {
        if (!"IN_PROGRESS".equals(status)) {
            throw new InvalidFieldException("status", "must be IN_PROGRESS; use acknowledge, close and reopen for the rest");
        }
        record(scope, transition(scope, tipId, Set.of("ACKNOWLEDGED"), "IN_PROGRESS"), "IN_PROGRESS", null);
    }

    /** ACKNOWLEDGED or IN_PROGRESS → CLOSED with an outcome, and the note the reporter will see. */
    @Transactional
    public void close(StaffScope scope, UUID tipId, Outcome outcome, ClosingNote closingNote) {
        Tip tip = transition(scope, tipId, CLOSABLE, "CLOSED");
        tip.outcome = outcome.name();
        tip.closingNote = (closingNote != null ? closingNote : defaultNote(outcome)).name();
        tip.closedAt = clock.instant();
        tip.nextEscalationAt = null;
        record(scope, tip, "CLOSED", outcome.name());
    }

    /** CLOSED → IN_PROGRESS. */
    @Transactional
    public void reopen(StaffScope scope, UUID tipId) {
        Tip tip = transition(scope, tipId, Set.of("CLOSED"), "IN_PROGRESS");
        tip.outcome = null;
        tip.closingNote = null;
        tip.closedAt = null;
        record(scope, tip, "REOPENED", null);
    }

    /** A staff-only note, encrypted like the tip. */
    @Transactional
    public UUID addNote(StaffScope scope, UUID tipId, String text) {
        Tip tip = CaseFiles.inScope(scope, tipId);
        TipNote note = new TipNote();
        note.id = UUID.randomUUID();
        note.tipId = tip.id;
        note.authorStaffId = scope.staffId();
        note.createdAt = clock.instant();
        note.body = encryption.sealText(tip.id, RecordKind.NOTE, note.id, text);
        note.persist();
        record(scope, tip, "NOTE_ADDED", null);
        return note.id;
    }

    /** A message to the reporter, encrypted like the tip; the reporter reads it with their case code. */
    @Transactional
    public UUID addMessage(StaffScope scope, UUID tipId, String text) {
        Tip tip = CaseFiles.inScope(scope, tipId);
        TipMessage message = conversation.add(tip, TipMessage.TO_REPORTER, scope.staffId(), clock.instant(), text);
        record(scope, tip, "MESSAGE_TO_REPORTER", null);
        return message.id;
    }

    /** Makes a staff member who serves the tip's school (or an analyst) its lead. */
    @Transactional
    public void assignLead(StaffScope scope, UUID tipId, UUID staffId) {
        Tip tip = CaseFiles.inScope(scope, tipId);
        Staff lead = Staff.findById(staffId);
        if (lead == null || !lead.enabled || !serves(lead, tip)) {
            throw new InvalidFieldException("staffId", "must be an active staff member who serves the tip's school");
        }
        tip.leadStaffId = lead.id;
        record(scope, tip, "LEAD_ASSIGNED", lead.email);
    }

    /** Moves the tip to another active school: it is routed again and the new recipients are notified. */
    @Transactional
    public void reassign(StaffScope scope, UUID tipId, UUID schoolId) {
        Tip tip = CaseFiles.inScope(scope, tipId);
        School school = School.findById(schoolId);
        if (school == null || !school.active) {
            throw new InvalidFieldException("schoolId", "no active school has this id");
        }
        tip.leadStaffId = null;
        routing.reassign(tip, schoolId, scope.staffId().toString());
        audit.append(scope.staffId().toString(), "TIP_REASSIGNED", tip.id, school.name);
    }

    private Tip transition(StaffScope scope, UUID tipId, Set<String> from, String to) {
        Tip tip = CaseFiles.inScope(scope, tipId);
        if (!from.contains(tip.status)) {
            throw new IllegalTransitionException(tip.status, to);
        }
        tip.status = to;
        return tip;
    }

    private void record(StaffScope scope, Tip tip, String kind, String detail) {
        Instant now = clock.instant();
        TipEvent.record(tip.id, now, kind, scope.staffId().toString(), detail);
        audit.append(scope.staffId().toString(), "TIP_" + kind, tip.id, detail);
    }

    private static boolean serves(Staff staff, Tip tip) {
        if (staff.role == StaffRole.ANALYST) {
            return true;
        }
        if (tip.schoolId == null) {
            return false;
        }
        if (staff.role == StaffRole.COORDINATOR) {
            School school = School.findById(tip.schoolId);
            return staff.district != null && school.district.id.equals(staff.district.id);
        }
        return Assignment.count("staff.id = ?1 and school.id = ?2", staff.id, tip.schoolId) > 0;
    }

    private static ClosingNote defaultNote(Outcome outcome) {
        return outcome == Outcome.INTERVENTION || outcome == Outcome.REFERRED ? ClosingNote.TRUSTED_ADULT_FOLLOWING_UP
                : ClosingNote.LOOKED_INTO;
    }
}
