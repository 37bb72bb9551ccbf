package org.tipline.admin;

import java.util.Locale;

/** Cells of an import file that name an enum constant, in any case (the JSON API leaves these to Jackson). */
final class EnumCells {

    private EnumCells() {
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
