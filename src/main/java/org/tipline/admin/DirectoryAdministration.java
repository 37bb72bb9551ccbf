package org.tipline.admin;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tipline.audit.AuditLog;
import org.tipline.directory.Agency;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.directory.Staff;
import org.tipline.notify.MobileNumbers;
import org.tipline.platform.InvalidFieldException;

/**
 * Districts, schools and agencies, for admins everywhere and coordinators in their own district (staff accounts and
 * assignments: {@link StaffAdministration}). Every change is written to the audit log; nothing here touches tip
 * content.
 */
@ApplicationScoped
public class DirectoryAdministration {

    /** Business hours of a new district until it says otherwise. */
    static final LocalTime DEFAULT_START = LocalTime.of(7, 30);
    static final LocalTime DEFAULT_END = LocalTime.of(16, 30);

    private final AuditLog audit;

    DirectoryAdministration(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional
    AdminScope scope(UUID actorId) {
        return AdminScope.of(Staff.findById(actorId));
    }

    @Transactional
    List<AdminViews.DistrictRow> districts(AdminScope scope) {
        List<District> districts = scope.everything() ? District.list("order by name")
                : District.list("id = ?1", scope.districtId());
        return districts.stream().map(AdminViews.DistrictRow::of).toList();
    }

    @Transactional
    AdminViews.DistrictRow district(AdminScope scope, UUID districtId) {
        return AdminViews.DistrictRow.of(districtInScope(scope, districtId));
    }

    @Transactional
    AdminViews.DistrictRow createDistrict(AdminScope scope, AdminRequests.NewDistrict request) {
        if (!scope.everything()) {
            throw new ForbiddenException(); // a coordinator's scope is one district: administrators only
        }
        String name = request.name().trim();
        requireFreeDistrictName(name, null);
        District district = new District();
        district.id = UUID.randomUUID();
        district.name = name;
        district.timeZone = zone("timeZone", request.timeZone());
        district.businessDayStart = DEFAULT_START;
        district.businessDayEnd = DEFAULT_END;
        district.persist();
        audit.append(scope.actorId().toString(), "DISTRICT_CREATED", null, district.id + " " + describe(district));
        return AdminViews.DistrictRow.of(district);
    }

    /** Replaces every setting of a district; a coordinator's own only. */
    @Transactional
    AdminViews.DistrictRow changeDistrict(AdminScope scope, UUID districtId, AdminRequests.DistrictChange request) {
        District district = districtInScope(scope, districtId);
        String name = request.name().trim();
        String timeZone = zone("timeZone", request.timeZone());
        LocalTime start = timeOfDay("businessDayStart", request.businessDayStart());
        LocalTime end = timeOfDay("businessDayEnd", request.businessDayEnd());
        if (!end.isAfter(start)) {
            throw new InvalidFieldException("businessDayEnd", "must be after businessDayStart");
        }
        if (request.businessDays().contains(null) || Set.copyOf(request.businessDays()).size() != request.businessDays().size()) {
            throw new InvalidFieldException("businessDays", "each day of the week at most once");
        }
        Set<LocalDate> holidays = new HashSet<>();
        for (String day : request.holidays()) {
            if (!holidays.add(date("holidays", day))) {
                throw new InvalidFieldException("holidays", day + " is listed twice");
            }
        }
        requireFreeDistrictName(name, district.id);
        String before = describe(district);
        district.name = name;
        district.timeZone = timeZone;
        district.businessDayStart = start;
        district.businessDayEnd = end;
        district.businessDaySet(EnumSet.copyOf(request.businessDays()));
        district.holidays.retainAll(holidays);
        district.holidays.addAll(holidays);
        audit.append(scope.actorId().toString(), "DISTRICT_CHANGED", null, district.id + " " + before + " -> " + describe(district));
        return AdminViews.DistrictRow.of(district);
    }

    static District districtInScope(AdminScope scope, UUID districtId) {
        District district = District.findById(districtId);
        if (district == null || !scope.covers(district)) {
            throw new AdminProblems.NotInScope("district");
        }
        return district;
    }

    private static void requireFreeDistrictName(String name, UUID except) {
        District taken = District.find("lower(name) = ?1", name.toLowerCase(Locale.ROOT)).firstResult();
        if (taken != null && !taken.id.equals(except)) {
            throw new AdminProblems.Duplicate("district");
        }
    }

    /** What the audit log keeps of a district: every setting, none of them secret. */
    private static String describe(District district) {
        return "name=" + district.name + " zone=" + district.timeZone + " hours=" + district.businessDayStart + "-"
                + district.businessDayEnd + " days=" + district.businessDays + " holidays="
                + district.holidays.stream().sorted().map(LocalDate::toString).collect(Collectors.joining(","));
    }

    /** A region time zone (America/Denver), never an offset or an abbreviation, whose rules follow daylight saving. */
    private static String zone(String field, String value) {
        String zone = value.trim();
        if (!ZoneId.getAvailableZoneIds().contains(zone) || !zone.contains("/")) {
            throw new InvalidFieldException(field, "an IANA time zone such as America/Denver");
        }
        return zone;
    }

    private static LocalTime timeOfDay(String field, String value) {
        if (!value.matches("([01][0-9]|2[0-3]):[0-5][0-9]")) {
            throw new InvalidFieldException(field, "a time of day as HH:MM, 00:00 to 23:59");
        }
        return LocalTime.parse(value);
    }

    private static LocalDate date(String field, String value) {
        try {
            if (value != null && value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}") && !value.startsWith("0000")) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            // below: the same answer as for any other bad date
        }
        throw new InvalidFieldException(field, "dates as YYYY-MM-DD, such as 2026-12-25");
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

    /** Every agency (a school of any district may name any agency); the phones for administrators only. */
    @Transactional
    List<AdminViews.AgencyRow> agencies(AdminScope scope) {
        return Agency.<Agency>list("order by name").stream().map(agency -> AdminViews.AgencyRow.of(agency, scope)).toList();
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
        agency.onCallMobile = MobileNumbers.checked("onCallMobile", request.onCallMobile());
        agency.supervisorMobile = MobileNumbers.checked("supervisorMobile", request.supervisorMobile());
        agency.persist();
        audit.append(scope.actorId().toString(), "AGENCY_CREATED", null, agency.id + " " + agency.name);
        return AdminViews.AgencyRow.of(agency);
    }

    /**
     * Replaces an agency's two phones (null removes one). Audited as set or not, without the numbers: the audit log
     * keeps what it holds for good, and an on-call phone can be a person's own.
     */
    @Transactional
    AdminViews.AgencyRow setAgencyMobiles(AdminScope scope, UUID agencyId, AdminRequests.AgencyMobiles request) {
        if (!scope.everything()) {
            throw new ForbiddenException(); // agencies serve several districts: administrators only
        }
        String onCall = MobileNumbers.checked("onCallMobile", request.onCallMobile());
        String supervisor = MobileNumbers.checked("supervisorMobile", request.supervisorMobile());
        Agency agency = Agency.findById(agencyId);
        if (agency == null) {
            throw new AdminProblems.NotInScope("agency");
        }
        agency.onCallMobile = onCall;
        agency.supervisorMobile = supervisor;
        audit.append(scope.actorId().toString(), "AGENCY_MOBILES_CHANGED", null, agency.id + " onCall="
                + (onCall == null ? "none" : "set") + " supervisor=" + (supervisor == null ? "none" : "set"));
        return AdminViews.AgencyRow.of(agency);
    }
}
