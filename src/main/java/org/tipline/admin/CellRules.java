package org.tipline.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;

/**
 * Checks a cell of an import file by the Bean Validation rules of the JSON request field it stands for (an email as
 * {@code @Email}, a name's {@code @Size}), so that a file accepts exactly what the one-by-one API accepts.
 */
@ApplicationScoped
class CellRules {

    private final Validator validator;

    CellRules(Validator validator) {
        this.validator = validator;
    }

    /** Adds a row error for {@code column} when {@code value} breaks a rule of {@code type}'s {@code property}. */
    <T> void check(RowErrors errors, CsvFiles.Row row, String column, Class<T> type, String property, String value) {
        validator.validateValue(type, property, value).stream().map(ConstraintViolation::getMessage)
                .min(Comparator.naturalOrder()).ifPresent(message -> errors.add(row.field(column), message));
    }
}
