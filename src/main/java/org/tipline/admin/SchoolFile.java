package org.tipline.admin;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tipline.directory.Agency;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.directory.SchoolLevel;

/**
 * Schools as CSV, matched on their NCES id: {@code nces_id,name,district,city,level,agency}, district and agency by
 * name. Administrators import schools of any district, coordinators of their own (a row naming another district, or
 * an NCES id of another district's school, is a row error). New schools are active; an import never deactivates one.
 */
@ApplicationScoped
class SchoolFile implements DirectoryFile {

    private static final List<String> HEADER = List.of("nces_id", "name", "district", "city", "level", "agency");
    private static final int NCES_ID = 0, NAME = 1, DISTRICT = 2, CITY = 3, LEVEL = 4, AGENCY = 5;

    private final CellRules rules;

    SchoolFile(CellRules rules) {
        this.rules = rules;
    }

    @Override
    public List<String> header() {
        return HEADER;
    }

    @Override
    public List<PlannedRow> plan(AdminScope scope, List<CsvFiles.Row> rows, RowErrors errors) {
        Map<String, District> districts = DirectoryFile.byLowerName(District.<District>listAll(), district -> district.name);
        Map<String, Agency> agencies = DirectoryFile.byLowerName(Agency.<Agency>listAll(), agency -> agency.name);
        Map<String, School> byNcesId = School.<School>list("ncesId is not null").stream()
                .collect(Collectors.toMap(school -> school.ncesId, Function.identity()));
        Map<String, School> byDistrictAndName = School.<School>listAll().stream()
                .collect(Collectors.toMap(school -> nameKey(school.district.id, school.name), Function.identity(), (first, second) -> first));
        Map<String, Integer> ncesRows = new HashMap<>();
        Map<String, Integer> nameRows = new HashMap<>();
        List<PlannedRow> plan = new ArrayList<>();
        for (CsvFiles.Row row : rows) {
            int errorsBefore = errors.size();
            String ncesId = row.cell(NCES_ID);
            School existing = null;
            if (!ncesId.matches("[0-9]{12}")) {
                errors.add(row.field("nces_id"), "the 12-digit NCES school id");
            } else if (ncesRows.putIfAbsent(ncesId, row.number()) != null) {
                errors.add(row.field("nces_id"), "also on row " + ncesRows.get(ncesId));
            } else {
                existing = byNcesId.get(ncesId);
                if (existing != null && !scope.covers(existing.district)) {
                    errors.add(row.field("nces_id"), "a school of a district you do not administer");
                }
            }
            String name = row.cell(NAME);
            rules.check(errors, row, "name", AdminRequests.NewSchool.class, "name", name);
            String city = row.cell(CITY);
            rules.check(errors, row, "city", AdminRequests.NewSchool.class, "city", city);
            District district = districts.get(lower(row.cell(DISTRICT)));
            if (district == null) {
                errors.add(row.field("district"), "no district named '" + row.cell(DISTRICT) + "'");
            } else if (!scope.covers(district)) {
                errors.add(row.field("district"), "not a district you administer");
            }
            SchoolLevel level = EnumCells.constant(SchoolLevel.class, row.cell(LEVEL));
            if (level == null) {
                errors.add(row.field("level"), "one of " + Arrays.toString(SchoolLevel.values()).replaceAll("[\\[\\] ]", ""));
            }
            Agency agency = agencies.get(lower(row.cell(AGENCY)));
            if (agency == null) {
                errors.add(row.field("agency"), "no agency named '" + row.cell(AGENCY) + "'");
            }
            if (district != null && !name.isEmpty()) {
                // Against the directory as it is: a file that swaps two schools' names is refused, never half-applied.
                String key = nameKey(district.id, name);
                School sameName = byDistrictAndName.get(key);
                if (sameName != null && sameName != existing) {
                    errors.add(row.field("name"), "another school of " + district.name + " has this name");
                } else if (nameRows.putIfAbsent(key, row.number()) != null) {
                    errors.add(row.field("name"), "also on row " + nameRows.get(key) + " for the same district");
                }
            }
            if (errors.size() == errorsBefore) {
                plan.add(planned(row.number(), ncesId, existing, name, district, city, level, agency));
            }
        }
        return plan;
    }

    private static PlannedRow planned(int row, String ncesId, School existing, String name, District district, String city,
            SchoolLevel level, Agency agency) {
        if (existing == null) {
            return new PlannedRow(row, ncesId, PlannedRow.CREATED, () -> {
                School school = new School();
                school.id = UUID.randomUUID();
                school.ncesId = ncesId;
                school.active = true;
                set(school, name, district, city, level, agency);
                school.persist();
            });
        }
        boolean same = existing.name.equals(name) && existing.district.id.equals(district.id) && existing.city.equals(city)
                && existing.level == level && existing.agency.id.equals(agency.id);
        return same ? PlannedRow.unchanged(row, ncesId)
                : new PlannedRow(row, ncesId, PlannedRow.UPDATED, () -> set(existing, name, district, city, level, agency));
    }

    private static void set(School school, String name, District district, String city, SchoolLevel level, Agency agency) {
        school.name = name;
        school.district = district;
        school.city = city;
        school.level = level;
        school.agency = agency;
    }

    /** Schools without an NCES id (added one by one through the API) cannot be matched, so they are not exported. */
    @Override
    public List<List<String>> export(AdminScope scope, District only) {
        List<School> schools = only == null && scope.everything() ? School.list("ncesId is not null order by ncesId")
                : School.list("ncesId is not null and district.id = ?1 order by ncesId", only != null ? only.id : scope.districtId());
        return schools.stream().map(school -> List.of(school.ncesId, school.name, school.district.name, school.city,
                school.level.name(), school.agency.name)).toList();
    }

    private static String nameKey(UUID districtId, String name) {
        return districtId + "/" + lower(name);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
