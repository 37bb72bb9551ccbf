package org.tipline.admin;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.tipline.audit.AuditLog;
import org.tipline.crypto.PasswordHasher;
import org.tipline.directory.Agency;
import org.tipline.directory.Assignment;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.directory.ServedSchools;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;
import org.tipline.platform.InvalidFieldException;

/**
 * Directory administration (schools, agencies, staff, assignments) for admins everywhere and coordinators
 * in their own district. Every change is written to the audit log; nothing here touches tip content.
 */
@ApplicationScoped
public class DirectoryAdministration {

    private static final Set<StaffRole> COORDINATOR_MAY_CREATE = Set.of(StaffRole.SRO, StaffRole.COUNSELOR, StaffRole.COORDINATOR);
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PasswordHasher passwords;
    private final AuditLog audit;
    private final Clock clock;

    DirectoryAdministration(PasswordHasher passwords, AuditLog audit, Clock clock) {
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    AdminScope scope(UUID actorId) {
        return AdminScope.of(Staff.findById(actorId));
    }

    @Transactional
    List<AdminViews.SchoolRow> schools(AdminScope scope) {
        List<School> schools = scope.everything() ? School.list("order by name") : School.list("district.id = ?1 order by name", scope.districtId());
        return schools.stream().map(AdminViews.SchoolRow::of).toList();
    }

    @Transactional
    AdminViews.SchoolRow createSchool(AdminScope scope, AdminRequests.NewSchool request) {
        District district = District.findById(request.districtId());
        if (district == null || !scope.covers(district)) {
            throw new AdminProblems.NotInScope("district");
        }
        Agency agency = Agency.findById(request.agencyId());
        if (agency == null) {
            throw new InvalidFieldException("agencyId", "no agency has this id");
        }
        if (School.count("district.id = ?1 and lower(name) = ?2", district.id, request.name().trim().toLowerCase(Locale.ROOT)) > 0) {
            throw new AdminProblems.Duplicate("school");
        }
        School school = new School();
        school.id = UUID.randomUUID();
        school.district = district;
        school.agency = agency;
        school.name = request.name().trim();
        school.level = request.level();
        school.city = request.city().trim();
        school.active = true;
        school.persist();
        audit.append(scope.actorId().toString(), "SCHOOL_CREATED", null, school.id + " " + school.name);
        return AdminViews.SchoolRow.of(school);
    }

    @Transactional
    void setSchoolActive(AdminScope scope, UUID schoolId, boolean active) {
        School school = schoolInScope(scope, schoolId);
        school.active = active;
        audit.append(scope.actorId().toString(), active ? "SCHOOL_ACTIVATED" : "SCHOOL_DEACTIVATED", null, school.id.toString());
    }

    @Transactional
    AdminViews.AgencyRow createAgency(AdminScope scope, AdminRequests.NewAgency request) {
        if (!scope.everything()) {
            throw new ForbiddenException(); // agencies serve several districts: administrators only
        }
        if (Agency.count("lower(name) = ?1", request.name().trim().toLowerCase(Locale.ROOT)) > 0) {
            throw new AdminProblems.Duplicate("agency");
        }
        Agency agency = new Agency();
        agency.id = UUID.randomUUID();
        agency.name = request.name().trim();
        agency.kind = request.kind();
        agency.onCallEmail = request.onCallEmail().trim();
        agency.supervisorEmail = request.supervisorEmail().trim();
        agency.persist();
        audit.append(scope.actorId().toString(), "AGENCY_CREATED", null, agency.id + " " + agency.name);
        return AdminViews.AgencyRow.of(agency);
    }

    @Transactional
    List<AdminViews.StaffRow> staff(AdminScope scope) {
        List<Staff> staff = scope.everything() ? Staff.list("order by email") : ServedSchools.ofDistrict(scope.districtId());
        return staff.stream().map(AdminViews.StaffRow::of).toList();
    }

    @Transactional
    AdminViews.Credentials createStaff(AdminScope scope, AdminRequests.NewStaff request) {
        if (!scope.everything() && !COORDINATOR_MAY_CREATE.contains(request.role())) {
            throw new ForbiddenException();
        }
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        if (Staff.count("lower(email) = ?1", email) > 0) {
            throw new AdminProblems.Duplicate("staff account");
        }
        Staff staff = new Staff();
        staff.id = UUID.randomUUID();
        staff.email = email;
        staff.displayName = request.displayName().trim();
        staff.role = request.role();
        staff.agency = agencyFor(request);
        staff.district = districtFor(scope, request);
        staff.enabled = true;
        String password = temporaryPassword();
        staff.passwordHash = passwords.hash(password.toCharArray());
        staff.tokensNotBefore = clock.instant();
        staff.persist();
        audit.append(scope.actorId().toString(), "STAFF_CREATED", null, staff.id + " " + staff.role);
        return new AdminViews.Credentials(AdminViews.StaffRow.of(staff), password);
    }

    @Transactional
    void disable(AdminScope scope, UUID staffId) {
        Staff staff = staffInScope(scope, staffId);
        staff.enabled = false;
        staff.revokeTokens(clock.instant());
        audit.append(scope.actorId().toString(), "STAFF_DISABLED", null, staff.id.toString());
    }

    /** A new one-time password; TOTP is cleared (to be set up again) and every token is revoked. */
    @Transactional
    AdminViews.Credentials reset(AdminScope scope, UUID staffId) {
        Staff staff = staffInScope(scope, staffId);
        String password = temporaryPassword();
        staff.passwordHash = passwords.hash(password.toCharArray());
        staff.totpEnabled = false;
        staff.totpSecret = null;
        staff.enabled = true;
        staff.revokeTokens(clock.instant());
        audit.append(scope.actorId().toString(), "STAFF_RESET", null, staff.id.toString());
        return new AdminViews.Credentials(AdminViews.StaffRow.of(staff), password);
    }

    @Transactional
    void assign(AdminScope scope, UUID staffId, UUID schoolId, AdminRequests.Assign request) {
        School school = schoolInScope(scope, schoolId);
        Staff staff = Staff.findById(staffId);
        if (staff == null) {
            throw new AdminProblems.NotInScope("staff member");
        }
        if (!staff.role.name().equals(request.kind().name())) {
            throw new InvalidFieldException("kind", "must match the staff member's role (" + staff.role + ")");
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
        audit.append(scope.actorId().toString(), "ASSIGNED", null, staff.id + " " + request.kind() + " " + school.id);
    }

    @Transactional
    void unassign(AdminScope scope, UUID staffId, UUID schoolId) {
        School school = schoolInScope(scope, schoolId);
        if (Assignment.delete("staff.id = ?1 and school.id = ?2", staffId, school.id) == 0) {
            throw new AdminProblems.NotInScope("assignment");
        }
        audit.append(scope.actorId().toString(), "UNASSIGNED", null, staffId + " " + school.id);
    }

    private static School schoolInScope(AdminScope scope, UUID schoolId) {
        School school = School.findById(schoolId);
        if (school == null || !scope.covers(school.district)) {
            throw new AdminProblems.NotInScope("school");
        }
        return school;
    }

    private static Staff staffInScope(AdminScope scope, UUID staffId) {
        Staff staff = Staff.findById(staffId);
        boolean covered = staff != null && (scope.everything() || (COORDINATOR_MAY_CREATE.contains(staff.role)
                && (scope.covers(staff.district) || ServedSchools.servesInDistrict(staffId, scope.districtId()))));
        if (!covered) {
            throw new AdminProblems.NotInScope("staff member");
        }
        return staff;
    }

    private static Agency agencyFor(AdminRequests.NewStaff request) {
        if (request.role() != StaffRole.SRO) {
            return request.agencyId() == null ? null : Agency.findById(request.agencyId());
        }
        Agency agency = request.agencyId() == null ? null : Agency.findById(request.agencyId());
        if (agency == null) {
            throw new InvalidFieldException("agencyId", "an SRO needs the agency that employs them");
        }
        return agency;
    }

    private static District districtFor(AdminScope scope, AdminRequests.NewStaff request) {
        boolean needsDistrict = request.role() == StaffRole.COUNSELOR || request.role() == StaffRole.COORDINATOR;
        if (request.districtId() == null) {
            if (needsDistrict) {
                throw new InvalidFieldException("districtId", "counselors and coordinators belong to a district");
            }
            return null;
        }
        District district = District.findById(request.districtId());
        if (district == null || !scope.covers(district)) {
            throw new AdminProblems.NotInScope("district");
        }
        return district;
    }

    private static String temporaryPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
