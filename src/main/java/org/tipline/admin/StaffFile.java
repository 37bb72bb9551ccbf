package org.tipline.admin;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.tipline.directory.Agency;
import org.tipline.directory.District;
import org.tipline.directory.ServedSchools;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;

/**
 * Staff accounts as CSV, matched on their email: {@code email,name,role,district,agency}, where {@code district} is
 * the home of counselors and coordinators and {@code agency} the employer of SROs (empty otherwise). Who may create
 * which account is {@link StaffPolicy}'s rule, as for one account at a time; a new account gets an invitation
 * ({@link AccountChanges#create}), never a password. An analyst account is refused as a row error: it waits for a
 * second administrator, which a file applied in one transaction cannot. A known account keeps its role and home (an
 * import neither promotes nor moves anyone); only its name can change. An import never disables or enables anyone.
 */
@ApplicationScoped
class StaffFile implements DirectoryFile {

    private static final List<String> HEADER = List.of("email", "name", "role", "district", "agency");
    private static final int EMAIL = 0, NAME = 1, ROLE = 2, DISTRICT = 3, AGENCY = 4;

    private final CellRules rules;
    private final AccountChanges changes;

    StaffFile(CellRules rules, AccountChanges changes) {
        this.rules = rules;
        this.changes = changes;
    }

    @Override
    public List<String> header() {
        return HEADER;
    }

    @Override
    public List<PlannedRow> plan(AdminScope scope, List<CsvFiles.Row> rows, RowErrors errors) {
        Map<String, District> districts = DirectoryFile.byLowerName(District.<District>listAll(), district -> district.name);
        Map<String, Agency> agencies = DirectoryFile.byLowerName(Agency.<Agency>listAll(), agency -> agency.name);
        Map<String, Integer> emailRows = new HashMap<>();
        List<PlannedRow> plan = new ArrayList<>();
        for (CsvFiles.Row row : rows) {
            int errorsBefore = errors.size();
            String email = row.cell(EMAIL);
            rules.check(errors, row, "email", AdminRequests.NewStaff.class, "email", email);
            String key = Staff.normalizedEmail(email);
            if (!key.isEmpty() && emailRows.putIfAbsent(key, row.number()) != null) {
                errors.add(row.field("email"), "also on row " + emailRows.get(key));
            }
            String name = row.cell(NAME);
            rules.check(errors, row, "name", AdminRequests.NewStaff.class, "displayName", name);
            StaffRole role = EnumCells.constant(StaffRole.class, row.cell(ROLE));
            if (role == null) {
                errors.add(row.field("role"), "one of " + Arrays.toString(StaffRole.values()).replaceAll("[\\[\\] ]", ""));
            }
            District district = home(errors, row, DISTRICT, "district", districts,
                    role == StaffRole.COUNSELOR || role == StaffRole.COORDINATOR, "counselors and coordinators");
            Agency agency = home(errors, row, AGENCY, "agency", agencies, role == StaffRole.SRO, "SROs");
            if (errors.size() == errorsBefore) {
                Staff existing = Staff.find("lower(email) = ?1", key).firstResult();
                PlannedRow planned = existing == null ? created(scope, row, errors, key, name, role, district, agency)
                        : matched(scope, row, errors, existing, name, role, district, agency);
                if (planned != null) {
                    plan.add(planned);
                }
            }
        }
        return plan;
    }

    /** The row's district or agency: required where it is the account's home, refused elsewhere. */
    private static <T> T home(RowErrors errors, CsvFiles.Row row, int column, String field, Map<String, T> byName, boolean needed,
            String whose) {
        String named = row.cell(column);
        if (named.isEmpty()) {
            if (needed) {
                errors.add(row.field(field), "required for " + whose);
            }
            return null;
        }
        if (!needed) {
            errors.add(row.field(field), "only for " + whose + "; leave it empty");
            return null;
        }
        T found = byName.get(named.toLowerCase(Locale.ROOT));
        if (found == null) {
            errors.add(row.field(field), "no " + field + " named '" + named + "'");
        }
        return found;
    }

    private PlannedRow created(AdminScope scope, CsvFiles.Row row, RowErrors errors, String email, String name, StaffRole role,
            District district, Agency agency) {
        if (district != null && !scope.covers(district)) {
            errors.add(row.field("district"), "not a district you administer");
            return null;
        }
        switch (StaffPolicy.create(scope, role, district == null ? null : district.id)) {
            case REFUSED -> errors.add(row.field("role"),
                    "coordinators create counselor and coordinator accounts of their own district; administrators the rest");
            case NEEDS_SECOND_ADMIN -> errors.add(row.field("role"), "an analyst account waits for a second administrator: "
                    + "create it with POST /api/v1/admin/staff");
            case ALLOWED -> {
                return new PlannedRow(row.number(), email, PlannedRow.CREATED,
                        () -> changes.create(scope.actorId(), email, name, role, agency, district, null, scope));
            }
        }
        return null;
    }

    private PlannedRow matched(AdminScope scope, CsvFiles.Row row, RowErrors errors, Staff existing, String name, StaffRole role,
            District district, Agency agency) {
        boolean sameHome = existing.role == role && Objects.equals(homeDistrict(existing), district)
                && Objects.equals(homeAgency(existing), agency);
        if (sameHome && existing.displayName.equals(name)) {
            return PlannedRow.unchanged(row.number(), existing.email);
        }
        if (StaffPolicy.rename(scope, existing) == StaffPolicy.Verdict.REFUSED) {
            errors.add(row.field("email"), "an account you do not manage");
        } else if (existing.role != role) {
            errors.add(row.field("role"), "the account is " + existing.role + "; an import does not change roles");
        } else if (!sameHome) {
            errors.add(row.field(role == StaffRole.SRO ? "agency" : "district"), "an import does not move an account");
        } else {
            return new PlannedRow(row.number(), existing.email, PlannedRow.UPDATED, () -> changes.rename(scope.actorId(), existing, name));
        }
        return null;
    }

    @Override
    public List<List<String>> export(AdminScope scope, District only) {
        List<Staff> staff = only != null ? ServedSchools.ofDistrict(only.id)
                : scope.everything() ? Staff.list("order by email") : ServedSchools.ofDistrict(scope.districtId());
        return staff.stream().sorted(Comparator.comparing(member -> member.email)).map(member -> {
            District district = homeDistrict(member);
            Agency agency = homeAgency(member);
            return List.of(member.email, member.displayName, member.role.name(), district == null ? "" : district.name,
                    agency == null ? "" : agency.name);
        }).toList();
    }

    /**
     * The account's home as the file holds it: the district of counselors and coordinators, the agency of SROs. An
     * account made one at a time may also carry the other (an SRO with a district, say); the file leaves it out.
     */
    private static District homeDistrict(Staff staff) {
        return staff.role == StaffRole.COUNSELOR || staff.role == StaffRole.COORDINATOR ? staff.district : null;
    }

    private static Agency homeAgency(Staff staff) {
        return staff.role == StaffRole.SRO ? staff.agency : null;
    }
}
