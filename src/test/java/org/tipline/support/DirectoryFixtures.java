package org.tipline.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.LocalTime;
import java.util.UUID;
import org.tipline.directory.Agency;
import org.tipline.directory.Assignment;
import org.tipline.directory.AssignmentKind;
import org.tipline.directory.AgencyKind;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.directory.SchoolLevel;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;

/**
 * Creates directory rows with unique names, so that tests pass on a database that already holds rows
 * from earlier runs (an external PostgreSQL keeps them).
 */
public final class DirectoryFixtures {

    private DirectoryFixtures() {
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static District district() {
        return QuarkusTransaction.requiringNew().call(() -> {
            District district = new District();
            district.id = UUID.randomUUID();
            district.name = unique("Test District");
            district.timeZone = "America/Denver";
            district.businessDayStart = LocalTime.of(8, 0);
            district.businessDayEnd = LocalTime.of(16, 0);
            district.persist();
            return district;
        });
    }

    public static Agency agency() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Agency agency = new Agency();
            agency.id = UUID.randomUUID();
            agency.name = unique("Test Police");
            agency.kind = AgencyKind.CITY_POLICE;
            agency.onCallEmail = "oncall@test.tipline.local";
            agency.supervisorEmail = "supervisor@test.tipline.local";
            agency.persist();
            return agency;
        });
    }

    /** A staff account; assigned to {@code school} as SRO or counselor when the role is one of those. */
    public static Staff staff(StaffRole role, District district, Agency agency, School school) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Staff staff = new Staff();
            staff.id = UUID.randomUUID();
            staff.email = role.name().toLowerCase() + "." + staff.id.toString().substring(0, 8) + "@test.tipline.local";
            staff.displayName = role + " (test)";
            staff.role = role;
            staff.agency = agency == null ? null : Agency.findById(agency.id);
            staff.district = district == null ? null : District.findById(district.id);
            staff.enabled = true;
            staff.tokensNotBefore = java.time.Instant.EPOCH;
            staff.persist();
            if (school != null && (role == StaffRole.SRO || role == StaffRole.COUNSELOR)) {
                Assignment.of(staff, School.findById(school.id), AssignmentKind.valueOf(role.name()), true).persist();
            }
            return staff;
        });
    }

    public static School school(District district, Agency agency, String name, boolean active) {
        return QuarkusTransaction.requiringNew().call(() -> {
            School school = new School();
            school.id = UUID.randomUUID();
            school.district = District.findById(district.id);
            school.agency = Agency.findById(agency.id);
            school.name = name;
            school.level = SchoolLevel.HIGH;
            school.city = "Testville";
            school.active = active;
            school.persist();
            return school;
        });
    }
}
