package org.tipline.admin;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.tipline.audit.AuditLog;
import org.tipline.directory.Agency;
import org.tipline.directory.AssignmentKind;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;
import org.tipline.notify.AccountMail;
import org.tipline.notify.Outbox;
import org.tipline.routing.RoutingSettings;
import org.tipline.signin.Invitations;

/**
 * Carries out account changes that {@link StaffPolicy} allowed (or a second administrator approved), in the
 * caller's transaction: every change is audited and told to the account's owner by mail, and a change to an
 * analyst account also to the analyst desk. No change hands a credential to anyone but the owner's mailbox.
 */
@ApplicationScoped
class AccountChanges {

    private final Invitations invitations;
    private final Outbox outbox;
    private final AuditLog audit;
    private final RoutingSettings routing;
    private final Clock clock;

    AccountChanges(Invitations invitations, Outbox outbox, AuditLog audit, RoutingSettings routing, Clock clock) {
        this.invitations = invitations;
        this.outbox = outbox;
        this.audit = audit;
        this.routing = routing;
        this.clock = clock;
    }

    /**
     * A new account without a password; its owner is invited to set one. {@code viewer} is who reads the answer (the
     * number shows to administrators only).
     */
    AdminViews.Invited create(UUID actorId, String email, String displayName, StaffRole role, Agency agency, District district,
            String mobile, AdminScope viewer) {
        requireFreeEmail(email);
        Staff staff = new Staff();
        staff.id = UUID.randomUUID();
        staff.email = Staff.normalizedEmail(email);
        staff.displayName = displayName.trim();
        staff.role = role;
        staff.agency = agency;
        staff.district = district;
        staff.enabled = true;
        staff.tokensNotBefore = clock.instant();
        staff.mobile = mobile;
        staff.persist();
        audit.append(actorId.toString(), "STAFF_CREATED", null, staff.id + " " + staff.role);
        tellDesk(staff, "was created");
        return invited(staff, "A Tipline account (" + role + ") was created for you.", viewer);
    }

    /** The password and TOTP are cleared, every token revoked; the owner is invited to set a new password. */
    AdminViews.Invited reset(UUID actorId, Staff staff, AdminScope viewer) {
        clearCredentials(staff);
        staff.enabled = true;
        audit.append(actorId.toString(), "STAFF_RESET", null, staff.id.toString());
        tellDesk(staff, "was reset");
        return invited(staff, "Your Tipline sign-in was reset: set a new password and set up your authenticator again.", viewer);
    }

    /** The old address is told; the account then belongs to whoever reads the new one, so it starts over there. */
    AdminViews.Invited changeEmail(UUID actorId, Staff staff, String newEmail, AdminScope viewer) {
        requireFreeEmail(newEmail);
        outbox.enqueue(staff.email, AccountMail.notice(staff.displayName,
                "The mail address of your Tipline account was changed to " + Staff.normalizedEmail(newEmail) + "; this address no longer signs in."));
        staff.email = Staff.normalizedEmail(newEmail);
        clearCredentials(staff);
        audit.append(actorId.toString(), "STAFF_EMAIL_CHANGED", null, staff.id.toString());
        tellDesk(staff, "got a new mail address");
        return invited(staff, "Your Tipline account now uses this mail address.", viewer);
    }

    /**
     * Sets (or, with null, removes) the number SMS alerts reach. The audit entry and the mails say that it changed,
     * never the number: it is personal data, and the audit log keeps what it holds for good.
     */
    void setMobile(UUID actorId, Staff staff, String mobile) {
        staff.mobile = mobile;
        audit.append(actorId.toString(), mobile == null ? "STAFF_MOBILE_CLEARED" : "STAFF_MOBILE_SET", null, staff.id.toString());
        tell(staff, mobile == null ? "The mobile number of your Tipline account was removed: alerts reach you by mail only."
                : "A mobile number was set on your Tipline account: alerts about life-safety tips can reach it by SMS.");
        tellDesk(staff, mobile == null ? "no longer has a mobile number" : "got a new mobile number");
    }

    /** A new display name (a directory import); audited without it, as the other account changes. */
    void rename(UUID actorId, Staff staff, String displayName) {
        staff.displayName = displayName.trim();
        audit.append(actorId.toString(), "STAFF_RENAMED", null, staff.id.toString());
        tell(staff, "The name on your Tipline account is now " + staff.displayName + ".");
        tellDesk(staff, "was renamed");
    }

    void disable(UUID actorId, Staff staff) {
        staff.enabled = false;
        staff.revokeTokens(clock.instant());
        audit.append(actorId.toString(), "STAFF_DISABLED", null, staff.id.toString());
        tell(staff, "Your Tipline account was disabled: it can no longer sign in.");
        tellDesk(staff, "was disabled");
    }

    /** A new assignment (the caller stored it): audited and told to its owner, whose tips now include the school's. */
    void assigned(UUID actorId, Staff staff, School school, AssignmentKind kind) {
        audit.append(actorId.toString(), "ASSIGNED", null, staff.id + " " + kind + " " + school.id);
        tell(staff, "You were assigned to " + school.name + " as " + kind + ": its tips now reach you.");
    }

    /** Tells the owner of an account what changed (an assignment, say). */
    void tell(Staff staff, String what) {
        outbox.enqueue(staff.email, AccountMail.notice(staff.displayName, what));
    }

    private AdminViews.Invited invited(Staff staff, String why, AdminScope viewer) {
        return new AdminViews.Invited(AdminViews.StaffRow.of(staff, viewer), invitations.invite(staff, why));
    }

    private void clearCredentials(Staff staff) {
        staff.passwordHash = null;
        staff.totpEnabled = false;
        staff.totpSecret = null;
        staff.revokeTokens(clock.instant());
    }

    /** An analyst reads every tip of the state: the desk hears of every change to such an account. */
    private void tellDesk(Staff staff, String what) {
        if (staff.role == StaffRole.ANALYST) {
            tellDesk("The analyst account " + staff.email + " " + what + ".");
        }
    }

    /** Tells the analyst desk, the 24/7 mailbox that must know who can read every tip. */
    void tellDesk(String what) {
        outbox.enqueue(routing.analystDeskEmail(), AccountMail.notice("analyst desk", what));
    }

    private static void requireFreeEmail(String email) {
        if (Staff.count("lower(email) = ?1", Staff.normalizedEmail(email)) > 0) {
            throw new AdminProblems.Duplicate("staff account");
        }
    }

}
