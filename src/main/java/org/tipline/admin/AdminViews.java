package org.tipline.admin;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.directory.Agency;
import org.tipline.directory.Assignment;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.directory.Staff;

/** What directory administration answers. */
final class AdminViews {

    private AdminViews() {
    }

    @Schema(name = "AdminDistrict")
    record DistrictRow(@Schema(required = true) UUID id, @Schema(required = true) String name,
            @Schema(required = true) String timeZone,
            @Schema(required = true, example = "07:30") String businessDayStart,
            @Schema(required = true, example = "16:30") String businessDayEnd,
            @Schema(required = true) List<DayOfWeek> businessDays,
            @Schema(required = true, description = "Dates (YYYY-MM-DD), in order") List<String> holidays) {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

        static DistrictRow of(District district) {
            return new DistrictRow(district.id, district.name, district.timeZone, district.businessDayStart.format(TIME),
                    district.businessDayEnd.format(TIME), List.copyOf(district.businessDaySet()),
                    district.holidays.stream().sorted().map(LocalDate::toString).toList());
        }
    }

    @Schema(name = "AdminSchool")
    record SchoolRow(@Schema(required = true) UUID id, @Schema(required = true) String name, @Schema(required = true) String city,
            @Schema(required = true) String level, @Schema(required = true) UUID districtId, @Schema(required = true) UUID agencyId,
            @Schema(required = true) boolean active) {
        static SchoolRow of(School school) {
            return new SchoolRow(school.id, school.name, school.city, school.level.name(), school.district.id, school.agency.id,
                    school.active);
        }
    }

    /** An agency; its phones only for administrators, who manage agencies (coordinators pick one for a school). */
    @Schema(name = "AdminAgency")
    record AgencyRow(@Schema(required = true) UUID id, @Schema(required = true) String name, @Schema(required = true) String kind,
            @Schema(description = "Shown to administrators only") String onCallMobile,
            @Schema(description = "Shown to administrators only") String supervisorMobile) {
        static AgencyRow of(Agency agency) {
            return new AgencyRow(agency.id, agency.name, agency.kind.name(), agency.onCallMobile, agency.supervisorMobile);
        }

        static AgencyRow of(Agency agency, AdminScope viewer) {
            return viewer.everything() ? of(agency) : new AgencyRow(agency.id, agency.name, agency.kind.name(), null, null);
        }
    }

    /** A staff member's assignment to a school. */
    @Schema(name = "AdminAssignment")
    record AssignmentRow(@Schema(required = true) UUID staffId, @Schema(required = true) UUID schoolId,
            @Schema(required = true) String kind, @Schema(required = true) boolean primary) {
        static AssignmentRow of(Assignment assignment) {
            return new AssignmentRow(assignment.staff.id, assignment.school.id, assignment.kind.name(), assignment.primary);
        }
    }

    /** A staff account as {@code viewer} may see it: the mobile number only for administrators. */
    @Schema(name = "AdminStaff")
    record StaffRow(@Schema(required = true) UUID id, @Schema(required = true) String email, @Schema(required = true) String displayName,
            @Schema(required = true) String role, UUID districtId, UUID agencyId, @Schema(required = true) boolean enabled,
            @Schema(required = true) boolean totpEnabled,
            @Schema(required = true, description = "Whether SMS alerts can reach the owner") boolean hasMobile,
            @Schema(description = "The mobile number (E.164); shown to administrators only, coordinators see hasMobile")
            String mobile) {
        static StaffRow of(Staff staff, AdminScope viewer) {
            // A personal phone number: coordinators manage counselor accounts, but need not know their owners' phones.
            return new StaffRow(staff.id, staff.email, staff.displayName, staff.role.name(),
                    staff.district == null ? null : staff.district.id, staff.agency == null ? null : staff.agency.id, staff.enabled,
                    staff.totpEnabled, staff.mobile != null, viewer.everything() ? staff.mobile : null);
        }
    }

    /** An account to which an invitation was sent: the answer says only that, never a credential. */
    @Schema(name = "AdminStaffInvited")
    record Invited(@Schema(required = true) StaffRow staff,
            @Schema(required = true, description = "Until when the invitation mailed to the account's own address works")
            Instant invitationExpiresAt) {
    }

    /** An account change waiting for a second administrator. */
    @Schema(name = "AdminApproval")
    record ApprovalRow(@Schema(required = true) UUID id, @Schema(required = true) String action, UUID staffId, String email,
            String displayName, @Schema(required = true) UUID requestedBy, @Schema(required = true) Instant requestedAt,
            @Schema(required = true) String status, UUID decidedBy, Instant decidedAt) {
        static ApprovalRow of(AdminApproval approval) {
            return new ApprovalRow(approval.id, approval.action.name(), approval.staffId, approval.email, approval.displayName,
                    approval.requestedBy, approval.requestedAt, approval.status.name(), approval.decidedBy, approval.decidedAt);
        }
    }

    /** What an account change did: an invitation sent, or a request waiting for a second administrator. */
    record ChangeResult(Invited invited, ApprovalRow pending) {
        static ChangeResult done(Invited invited) {
            return new ChangeResult(invited, null);
        }

        static ChangeResult waiting(ApprovalRow pending) {
            return new ChangeResult(null, pending);
        }
    }
}
