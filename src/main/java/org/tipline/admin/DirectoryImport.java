package org.tipline.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tipline.audit.AuditLog;
import org.tipline.directory.District;

/**
 * Directory import and export through CSV (issue 15): a file with any bad row is refused whole, listing every bad row
 * and field; a good one is applied in one transaction, matched on keys so that importing it twice changes nothing the
 * second time. Each applied import is one audit entry with its counts.
 */
@ApplicationScoped
public class DirectoryImport {

    private final Map<String, DirectoryFile> files = new LinkedHashMap<>();
    private final AuditLog audit;

    DirectoryImport(SchoolFile schools, AgencyFile agencies, StaffFile staff, AssignmentFile assignments, AuditLog audit) {
        this.files.put("schools", schools);
        this.files.put("agencies", agencies);
        this.files.put("staff", staff);
        this.files.put("assignments", assignments);
        this.audit = audit;
    }

    @Transactional
    ImportViews.Answer importFile(AdminScope scope, String kind, byte[] body, boolean dryRun) {
        DirectoryFile file = file(kind);
        file.authorize(scope);
        RowErrors errors = new RowErrors();
        List<CsvFiles.Row> rows = CsvFiles.read(body, file.header(), errors);
        List<DirectoryFile.PlannedRow> plan = file.plan(scope, rows, errors);
        errors.refuseIfAny();
        ImportViews.Answer answer = ImportViews.Answer.of(kind, dryRun, plan);
        if (!dryRun) {
            plan.forEach(row -> row.apply().run());
            audit.append(scope.actorId().toString(), "DIRECTORY_IMPORTED", null, kind + " created=" + answer.created()
                    + " updated=" + answer.updated() + " unchanged=" + answer.unchanged());
        }
        return answer;
    }

    @Transactional
    String export(AdminScope scope, String kind, String districtName) {
        DirectoryFile file = file(kind);
        file.authorize(scope);
        District only = null;
        if (districtName != null) {
            only = District.find("lower(name) = ?1", districtName.trim().toLowerCase(Locale.ROOT)).firstResult();
            if (only == null || !scope.covers(only)) {
                throw new AdminProblems.NotInScope("district");
            }
        }
        return CsvFiles.write(file.header(), file.export(scope, only));
    }

    private DirectoryFile file(String kind) {
        DirectoryFile file = files.get(kind);
        if (file == null) {
            throw new AdminProblems.UnknownFileKind(String.join(", ", files.keySet()));
        }
        return file;
    }
}
