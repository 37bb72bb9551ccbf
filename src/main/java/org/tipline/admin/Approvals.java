package org.tipline.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.tipline.audit.AuditLog;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;

/**
 * Four-eyes rule for analyst accounts (DESIGN 1: an admin cannot mint an analyst alone): creating, resetting or
 * re-mailing one is requested by one administrator and carried out only when another approves. The analyst desk
 * is mailed at every step, so a request nobody expected is seen.
 */
@ApplicationScoped
class Approvals {

    private final AccountChanges changes;
    private final AuditLog audit;
    private final Clock clock;

    Approvals(AccountChanges changes, AuditLog audit, Clock clock) {
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a request, in the caller's transaction. */
    AdminViews.ApprovalRow request(AdminScope scope, AdminApproval.Action action, UUID staffId, String email, String displayName) {
        AdminApproval approval = new AdminApproval();
        approval.id = UUID.randomUUID();
        approval.action = action;
        approval.staffId = staffId;
        approval.email = email;
        approval.displayName = displayName;
        approval.requestedBy = scope.actorId();
        approval.requestedAt = clock.instant();
        approval.status = AdminApproval.Status.PENDING;
        approval.persist();
        audit.append(scope.actorId().toString(), "APPROVAL_REQUESTED", null, approval.id + " " + action);
        changes.tellDesk("An administrator asks to " + describe(approval) + "; a second administrator must approve it.");
        return AdminViews.ApprovalRow.of(approval);
    }

    /** The requests waiting for a decision; only administrators see them (they name prospective analysts). */
    @Transactional
    List<AdminViews.ApprovalRow> pending(AdminScope scope) {
        requireAdministrator(scope);
        return AdminApproval.<AdminApproval>list("status = ?1 order by requestedAt", AdminApproval.Status.PENDING).stream()
                .map(AdminViews.ApprovalRow::of).toList();
    }

    /** Carries the change out; the administrator who asked for it cannot approve it. */
    @Transactional
    AdminViews.Invited approve(AdminScope scope, UUID approvalId) {
        AdminApproval approval = decide(scope, approvalId, AdminApproval.Status.APPROVED);
        changes.tellDesk("A second administrator approved: " + describe(approval) + ".");
        return switch (approval.action) {
            case CREATE_ANALYST -> {
                // An analyst's number is set once the account exists (NewStaff refuses one here): not held in the request.
                AdminViews.Invited invited = changes.create(approval.requestedBy, approval.email, approval.displayName,
                        StaffRole.ANALYST, null, null, null, scope);
                approval.staffId = invited.staff().id();
                yield invited;
            }
            case RESET_ANALYST -> changes.reset(approval.requestedBy, analyst(approval), scope);
            case CHANGE_ANALYST_EMAIL -> changes.changeEmail(approval.requestedBy, analyst(approval), approval.email, scope);
        };
    }

    @Transactional
    void reject(AdminScope scope, UUID approvalId) {
        AdminApproval approval = decide(scope, approvalId, AdminApproval.Status.REJECTED);
        changes.tellDesk("A second administrator rejected: " + describe(approval) + ".");
    }

    private AdminApproval decide(AdminScope scope, UUID approvalId, AdminApproval.Status decision) {
        requireAdministrator(scope);
        AdminApproval approval = AdminApproval.<AdminApproval>findByIdOptional(approvalId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new AdminProblems.NotInScope("approval"));
        if (approval.status != AdminApproval.Status.PENDING) {
            throw new AdminProblems.ApprovalRefused("This request was decided already.");
        }
        if (approval.requestedBy.equals(scope.actorId())) {
            throw new AdminProblems.ApprovalRefused("A second administrator must decide: not the one who asked.");
        }
        approval.status = decision;
        approval.decidedBy = scope.actorId();
        approval.decidedAt = clock.instant();
        audit.append(scope.actorId().toString(), "APPROVAL_" + decision, null, approval.id + " " + approval.action);
        return approval;
    }

    private static void requireAdministrator(AdminScope scope) {
        if (!scope.everything()) {
            throw new AdminProblems.NotManageable("Only administrators see and decide on analyst accounts.");
        }
    }

    private static Staff analyst(AdminApproval approval) {
        return Staff.findById(approval.staffId);
    }

    private static String describe(AdminApproval approval) {
        return switch (approval.action) {
            case CREATE_ANALYST -> "create an analyst account for " + approval.email;
            case RESET_ANALYST -> "reset the analyst account " + analyst(approval).email;
            case CHANGE_ANALYST_EMAIL -> "change the mail address of the analyst account " + analyst(approval).email + " to "
                    + approval.email;
        };
    }
}
