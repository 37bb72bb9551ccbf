package org.tipline.admin;

import java.util.Locale;

/** Checks of single cells of an import file, each adding a row error rather than throwing. */
final class Texts {

    private Texts() {
    }

    /** A cell that must not be empty and has a column's length limit (the JSON API's {@code @Size}). */
    static void require(RowErrors errors, CsvFiles.Row row, String column, String value, int maxLength) {
        if (value.isEmpty()) {
            errors.add(row.field(column), "required");
        } else if (value.length() > maxLength) {
            errors.add(row.field(column), "at most " + maxLength + " characters");
        }
    }

    /** The constant of {@code type} named by the cell (any case), or null. */
    static <E extends Enum<E>> E constant(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.toUpperCase(Locale.ROOT))) {
                return constant;
            }
        }
        return null;
    }
}
