package org.tipline.admin;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a directory import answers. */
final class ImportViews {

    private ImportViews() {
    }

    @Schema(name = "ImportAnswer", description = "What the import did, or with dryRun would do, row by row")
    record Answer(@Schema(required = true, example = "schools") String kind,
            @Schema(required = true, description = "True when nothing was changed") boolean dryRun,
            @Schema(required = true) int created, @Schema(required = true) int updated, @Schema(required = true) int unchanged,
            @Schema(required = true) List<RowOutcome> rows) {

        static Answer of(String kind, boolean dryRun, List<DirectoryFile.PlannedRow> plan) {
            return new Answer(kind, dryRun, count(plan, DirectoryFile.PlannedRow.CREATED), count(plan, DirectoryFile.PlannedRow.UPDATED),
                    count(plan, DirectoryFile.PlannedRow.UNCHANGED),
                    plan.stream().map(row -> new RowOutcome(row.row(), row.matchedOn(), row.outcome())).toList());
        }

        private static int count(List<DirectoryFile.PlannedRow> plan, String outcome) {
            return (int) plan.stream().filter(row -> row.outcome().equals(outcome)).count();
        }
    }

    @Schema(name = "ImportRow")
    record RowOutcome(@Schema(required = true, description = "The row as a spreadsheet numbers it (the header is row 1)") int row,
            @Schema(required = true, description = "What the row is matched on: NCES id, name, email, or email, school and kind")
            String matchedOn,
            @Schema(required = true, enumeration = { "created", "updated", "unchanged" }) String outcome) {
    }
}
