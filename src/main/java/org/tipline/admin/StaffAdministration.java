package org.tipline.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.tipline.audit.AuditLog;
import org.tipline.directory.Agency;
import org.tipline.directory.Assignment;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.directory.ServedSchools;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;
import org.tipline.notify.MobileNumbers;
import org.tipline.platform.InvalidFieldException;

/**
 * Staff accounts and assignments for administrators and coordinators: each request is judged by {@link StaffPolicy},
 * then carried out by {@link AccountChanges}, or left for a second administrator ({@link Approvals}).
 */
@ApplicationScoped
public class StaffAdministration {

    private final AccountChanges changes;
    private final Approvals approvals;
    private final AuditLog audit;

    StaffAdministration(AccountChanges changes, Approvals approvals, AuditLog audit) {
        this.changes = changes;
        this.approvals = approvals;
        this.audit = audit;
    }

    @Transactional
    List<AdminViews.StaffRow> staff(AdminScope scope) {
        List<Staff> staff = scope.everything() ? Staff.list("order by email") : ServedSchools.ofDistrict(scope.districtId());
        return staff.stream().map(member -> AdminViews.StaffRow.of(member, scope)).toList();
    }

    /** The assignments to the schools the caller administers. */
    @Transactional
    List<AdminViews.AssignmentRow> assignments(AdminScope scope) {
        List<Assignment> assignments = scope.everything() ? Assignment.list("order by staff.email, school.name")
                : Assignment.list("school.district.id = ?1 order by staff.email, school.name", scope.districtId());
        return assignments.stream().map(AdminViews.AssignmentRow::of).toList();
    }

    @Transactional
    AdminViews.ChangeResult create(AdminScope scope, AdminRequests.NewStaff request) {
        District district = districtFor(request);
        String mobile = MobileNumbers.checked("mobile", request.mobile());
        StaffPolicy.Verdict verdict = StaffPolicy.create(scope, request.role(), district == null ? null : district.id);
        return switch (verdict) {
            case REFUSED -> throw new AdminProblems.NotManageable(
                    "Coordinators create counselor and coordinator accounts of their own district; administrators the rest.");
            case NEEDS_SECOND_ADMIN -> {
                if (mobile != null) {
                    // The request waits in admin_approval, which holds no number; the number comes after approval.
                    throw new InvalidFieldException("mobile", "an analyst account waits for a second administrator: "
                            + "set its mobile number once the account exists");
                }
                yield AdminViews.ChangeResult.waiting(
                        approvals.request(scope, AdminApproval.Action.CREATE_ANALYST, null, request.email(), request.displayName()));
            }
            case ALLOWED -> AdminViews.ChangeResult.done(changes.create(scope.actorId(), request.email(), request.displayName(),
                    request.role(), agencyFor(request), district, mobile, scope));
        };
    }

    /** Clears the password and TOTP and invites the owner to set a new password. */
    @Transactional
    AdminViews.ChangeResult reset(AdminScope scope, UUID staffId) {
        Staff staff = existing(staffId);
        return switch (StaffPolicy.reissue(scope, staff)) {
            case REFUSED -> throw refused();
            case NEEDS_SECOND_ADMIN -> AdminViews.ChangeResult.waiting(
                    approvals.request(scope, AdminApproval.Action.RESET_ANALYST, staff.id, null, null));
            case ALLOWED -> AdminViews.ChangeResult.done(changes.reset(scope.actorId(), staff, scope));
        };
    }

    /** A new mail address: the old one is told, the new one invited, the old password no longer works. */
    @Transactional
    AdminViews.ChangeResult changeEmail(AdminScope scope, UUID staffId, String email) {
        Staff staff = existing(staffId);
        return switch (StaffPolicy.reissue(scope, staff)) {
            case REFUSED -> throw refused();
            case NEEDS_SECOND_ADMIN -> AdminViews.ChangeResult.waiting(
                    approvals.request(scope, AdminApproval.Action.CHANGE_ANALYST_EMAIL, staff.id, email, null));
            case ALLOWED -> AdminViews.ChangeResult.done(changes.changeEmail(scope.actorId(), staff, email, scope));
        };
    }

    /** Sets the number SMS alerts reach, or removes it ({@code mobile} null). */
    @Transactional
    AdminViews.StaffRow setMobile(AdminScope scope, UUID staffId, String mobile) {
        String number = MobileNumbers.checked("mobile", mobile);
        Staff staff = existing(staffId);
        if (StaffPolicy.setMobile(scope, staff) == StaffPolicy.Verdict.REFUSED) {
            throw refused();
        }
        changes.setMobile(scope.actorId(), staff, number);
        return AdminViews.StaffRow.of(staff, scope);
    }

    @Transactional
    void disable(AdminScope scope, UUID staffId) {
        Staff staff = existing(staffId);
        if (StaffPolicy.disable(scope, staff) == StaffPolicy.Verdict.REFUSED) {
            throw refused();
        }
        changes.disable(scope.actorId(), staff);
    }

    @Transactional
    void assign(AdminScope scope, UUID staffId, UUID schoolId, AdminRequests.Assign request) {
        School school = SchoolsInScope.school(scope, schoolId);
        Staff staff = existing(staffId);
        if (!staff.role.name().equals(request.kind().name())) {
            throw new InvalidFieldException("kind", "must match the staff member's role (" + staff.role + ")");
        }
        if (!StaffPolicy.mayAssign(scope, staff, school)) {
            throw new AdminProblems.NotManageable("Only active SROs, and counselors of the school's district, are assigned to schools.");
        }
        if (request.primary()) {
            Assignment.update("primary = false where school.id = ?1 and kind = ?2", school.id, request.kind());
        }
        Assignment existing = Assignment.findById(new Assignment.Key(staff.id, school.id));
        if (existing == null) {
            Assignment.of(staff, school, request.kind(), request.primary()).persist();
        } else {
            existing.primary = request.primary();
        }
        changes.assigned(scope.actorId(), staff, school, request.kind());
    }

    @Transactional
    void unassign(AdminScope scope, UUID staffId, UUID schoolId) {
        School school = SchoolsInScope.school(scope, schoolId);
        Staff staff = Staff.findById(staffId);
        if (staff == null || Assignment.delete("staff.id = ?1 and school.id = ?2", staffId, school.id) == 0) {
            throw new AdminProblems.NotInScope("assignment");
        }
        audit.append(scope.actorId().toString(), "UNASSIGNED", null, staffId + " " + school.id);
        changes.tell(staff, "You were removed from " + school.name + ": its tips no longer reach you.");
    }

    private static Staff existing(UUID staffId) {
        Staff staff = Staff.findById(staffId);
        if (staff == null) {
            throw new AdminProblems.NotInScope("staff member");
        }
        return staff;
    }

    private static AdminProblems.NotManageable refused() {
        return new AdminProblems.NotManageable("Coordinators manage the counselor and coordinator accounts of their own "
                + "district; SRO accounts belong to their agency and are managed by administrators.");
    }

    private static Agency agencyFor(AdminRequests.NewStaff request) {
        Agency agency = request.agencyId() == null ? null : Agency.findById(request.agencyId());
        if (request.role() == StaffRole.SRO && agency == null) {
            throw new InvalidFieldException("agencyId", "an SRO needs the agency that employs them");
        }
        return agency;
    }

    private static District districtFor(AdminRequests.NewStaff request) {
        boolean needsDistrict = request.role() == StaffRole.COUNSELOR || request.role() == StaffRole.COORDINATOR;
        if (request.districtId() == null) {
            if (needsDistrict) {
                throw new InvalidFieldException("districtId", "counselors and coordinators belong to a district");
            }
            return null;
        }
        District district = District.findById(request.districtId());
        if (district == null) {
            throw new AdminProblems.NotInScope("district");
        }
        return district;
    }
}
