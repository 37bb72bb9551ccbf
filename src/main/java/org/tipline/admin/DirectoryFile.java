package org.tipline.admin;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tipline.directory.District;

/** One kind of directory file (schools, agencies, ...): its header, how its rows become changes, and its export. */
interface DirectoryFile {

    /** Refuses a caller who may not import or export this kind at all, before the file is read. */
    default void authorize(AdminScope scope) {
    }

    /** The columns, in order: the header row of the import and of the export. */
    List<String> header();

    /**
     * What each good row would change, without changing anything yet (a dry run stops here); bad rows go to
     * {@code errors}. Runs in the import's transaction.
     */
    List<PlannedRow> plan(AdminScope scope, List<CsvFiles.Row> rows, RowErrors errors);

    /**
     * The rows the caller administers, in the import format, so that importing them again changes nothing; with
     * {@code only}, those of that district (a state's files exceed the body limit, so they go back in parts).
     */
    List<List<String>> export(AdminScope scope, District only);

    /** Districts or agencies by name as a file names them: in any case. Names differing only in case: the first wins. */
    static <T> Map<String, T> byLowerName(List<T> all, Function<T, String> name) {
        return all.stream().collect(Collectors.toMap(item -> name.apply(item).toLowerCase(Locale.ROOT), Function.identity(),
                (first, second) -> first));
    }

    /** A row's planned change: what the answer says of it, and what applying it does. */
    record PlannedRow(int row, String matchedOn, String outcome, Runnable apply) {

        static final String CREATED = "created";
        static final String UPDATED = "updated";
        static final String UNCHANGED = "unchanged";

        static PlannedRow unchanged(int row, String key) {
            return new PlannedRow(row, key, UNCHANGED, () -> {
            });
        }
    }
}
