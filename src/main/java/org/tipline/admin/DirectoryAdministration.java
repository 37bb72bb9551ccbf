package org.tipline.admin;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.tipline.audit.AuditLog;
import org.tipline.directory.Agency;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.directory.Staff;
import org.tipline.platform.InvalidFieldException;

/**
 * Schools and agencies, for admins everywhere and coordinators in their own district (staff accounts and
 * assignments: {@link StaffAdministration}). Every change is written to the audit log; nothing here touches tip
 * content.
 */
@ApplicationScoped
public class DirectoryAdministration {

    private final AuditLog audit;

    DirectoryAdministration(AuditLog audit) {
        this.audit = audit;
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
        School school = SchoolsInScope.school(scope, schoolId);
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


}
