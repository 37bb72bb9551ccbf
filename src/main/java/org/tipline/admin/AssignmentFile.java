package org.tipline.admin;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tipline.directory.Assignment;
import org.tipline.directory.AssignmentKind;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.directory.Staff;

/**
 * Assignments as CSV, matched on account, school and kind: {@code email,school_nces_id,kind}. Who may assign whom is
 * {@link StaffPolicy#mayAssign}, to schools the caller administers, as for one assignment at a time; the kind must
 * be the account's role. A new assignment is not primary and its owner is told, as {@code PUT
 * …/staff/{id}/assignments/{schoolId}} does; an import never ends one.
 */
@ApplicationScoped
class AssignmentFile implements DirectoryFile {

    private static final List<String> HEADER = List.of("email", "school_nces_id", "kind");
    private static final int EMAIL = 0, SCHOOL = 1, KIND = 2;

    private final AccountChanges changes;

    AssignmentFile(AccountChanges changes) {
        this.changes = changes;
    }

    @Override
    public List<String> header() {
        return HEADER;
    }

    @Override
    public List<PlannedRow> plan(AdminScope scope, List<CsvFiles.Row> rows, RowErrors errors) {
        Map<String, Integer> keyRows = new HashMap<>();
        List<PlannedRow> plan = new ArrayList<>();
        for (CsvFiles.Row row : rows) {
            int errorsBefore = errors.size();
            String email = Staff.normalizedEmail(row.cell(EMAIL));
            Staff staff = email.isEmpty() ? null : Staff.find("lower(email) = ?1", email).firstResult();
            if (staff == null) {
                errors.add(row.field("email"), "no account with this email");
            }
            String ncesId = row.cell(SCHOOL);
            School school = ncesId.matches("[0-9]{12}") ? School.find("ncesId", ncesId).firstResult() : null;
            if (!ncesId.matches("[0-9]{12}")) {
                errors.add(row.field("school_nces_id"), "the 12-digit NCES school id");
            } else if (school == null || !scope.covers(school.district)) {
                errors.add(row.field("school_nces_id"), "no school with this NCES id that you administer");
            }
            AssignmentKind kind = EnumCells.constant(AssignmentKind.class, row.cell(KIND));
            if (kind == null) {
                errors.add(row.field("kind"), "SRO or COUNSELOR");
            } else if (staff != null && !staff.role.name().equals(kind.name())) {
                errors.add(row.field("kind"), "must match the account's role (" + staff.role + ")");
            }
            String key = email + " " + ncesId;
            if (errors.size() == errorsBefore && keyRows.putIfAbsent(key, row.number()) != null) {
                errors.add(row.field("school_nces_id"), "the same account and school as row " + keyRows.get(key));
            }
            if (errors.size() == errorsBefore) {
                if (Assignment.findById(new Assignment.Key(staff.id, school.id)) != null) {
                    plan.add(PlannedRow.unchanged(row.number(), key + " " + kind));
                } else if (!StaffPolicy.mayAssign(scope, staff, school)) {
                    errors.add(row.field("email"),
                            "only active SROs, and counselors of the school's district, are assigned to schools");
                } else {
                    plan.add(new PlannedRow(row.number(), key + " " + kind, PlannedRow.CREATED, () -> {
                        Assignment.of(staff, school, kind, false).persist();
                        changes.assigned(scope.actorId(), staff, school, kind);
                    }));
                }
            }
        }
        return plan;
    }

    /** Assignments to schools without an NCES id cannot be matched in a file, so they are not exported. */
    @Override
    public List<List<String>> export(AdminScope scope, District only) {
        List<Assignment> assignments = only == null && scope.everything()
                ? Assignment.list("school.ncesId is not null order by staff.email, school.ncesId")
                : Assignment.list("school.ncesId is not null and school.district.id = ?1 order by staff.email, school.ncesId",
                        only != null ? only.id : scope.districtId());
        return assignments.stream()
                .map(assignment -> List.of(assignment.staff.email, assignment.school.ncesId, assignment.kind.name())).toList();
    }
}
