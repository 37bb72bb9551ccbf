package org.tipline.admin;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.tipline.directory.Agency;
import org.tipline.directory.AgencyKind;
import org.tipline.directory.District;
import org.tipline.platform.InvalidParameterException;

/**
 * Law-enforcement agencies as CSV, matched on their name (any case): {@code name,kind,on_call_email,supervisor_email}.
 * Administrators only, as agencies serve several districts. The mobile numbers are not in the file and an import
 * leaves them as they are: they are set one agency at a time ({@code PUT …/agencies/{id}/mobiles}).
 */
@ApplicationScoped
class AgencyFile implements DirectoryFile {

    private static final List<String> HEADER = List.of("name", "kind", "on_call_email", "supervisor_email");
    private static final int NAME = 0, KIND = 1, ON_CALL = 2, SUPERVISOR = 3;

    private final CellRules rules;

    AgencyFile(CellRules rules) {
        this.rules = rules;
    }

    @Override
    public List<String> header() {
        return HEADER;
    }

    @Override
    public List<PlannedRow> plan(AdminScope scope, List<CsvFiles.Row> rows, RowErrors errors) {
        Map<String, Agency> byName = DirectoryFile.byLowerName(Agency.<Agency>listAll(), agency -> agency.name);
        Map<String, Integer> nameRows = new HashMap<>();
        List<PlannedRow> plan = new ArrayList<>();
        for (CsvFiles.Row row : rows) {
            int errorsBefore = errors.size();
            String name = row.cell(NAME);
            rules.check(errors, row, "name", AdminRequests.NewAgency.class, "name", name);
            if (!name.isEmpty() && nameRows.putIfAbsent(lower(name), row.number()) != null) {
                errors.add(row.field("name"), "also on row " + nameRows.get(lower(name)));
            }
            AgencyKind kind = EnumCells.constant(AgencyKind.class, row.cell(KIND));
            if (kind == null) {
                errors.add(row.field("kind"), "one of " + Arrays.toString(AgencyKind.values()).replaceAll("[\\[\\] ]", ""));
            }
            String onCall = row.cell(ON_CALL);
            rules.check(errors, row, "on_call_email", AdminRequests.NewAgency.class, "onCallEmail", onCall);
            String supervisor = row.cell(SUPERVISOR);
            rules.check(errors, row, "supervisor_email", AdminRequests.NewAgency.class, "supervisorEmail", supervisor);
            if (errors.size() == errorsBefore) {
                plan.add(planned(row.number(), byName.get(lower(name)), name, kind, onCall, supervisor));
            }
        }
        return plan;
    }

    private static PlannedRow planned(int row, Agency existing, String name, AgencyKind kind, String onCall, String supervisor) {
        if (existing == null) {
            return new PlannedRow(row, name, PlannedRow.CREATED, () -> {
                Agency agency = new Agency();
                agency.id = UUID.randomUUID();
                set(agency, name, kind, onCall, supervisor);
                agency.persist();
            });
        }
        boolean same = existing.name.equals(name) && existing.kind == kind && existing.onCallEmail.equals(onCall)
                && existing.supervisorEmail.equals(supervisor);
        return same ? PlannedRow.unchanged(row, name)
                : new PlannedRow(row, name, PlannedRow.UPDATED, () -> set(existing, name, kind, onCall, supervisor));
    }

    private static void set(Agency agency, String name, AgencyKind kind, String onCall, String supervisor) {
        agency.name = name;
        agency.kind = kind;
        agency.onCallEmail = onCall;
        agency.supervisorEmail = supervisor;
    }

    @Override
    public List<List<String>> export(AdminScope scope, District only) {
        if (only != null) {
            throw new InvalidParameterException("district", "nothing: agencies belong to no district");
        }
        return Agency.<Agency>list("order by name").stream()
                .map(agency -> List.of(agency.name, agency.kind.name(), agency.onCallEmail, agency.supervisorEmail)).toList();
    }

    @Override
    public void authorize(AdminScope scope) {
        if (!scope.everything()) {
            throw new ForbiddenException(); // agencies serve several districts: administrators only
        }
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
