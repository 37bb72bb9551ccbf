package org.tipline.admin;

import java.util.ArrayList;
import java.util.List;
import org.tipline.platform.DomainException;
import org.tipline.platform.Problem;

/** Every bad row and field of an import file, collected so that the refusal lists all of them, not the first. */
final class RowErrors {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    void add(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }

    int size() {
        return errors.size();
    }

    /** Refuses the whole file when any row is bad: nothing of it is stored. */
    void refuseIfAny() {
        if (!errors.isEmpty()) {
            throw new Refused(List.copyOf(errors));
        }
    }

    static class Refused extends DomainException {

        private final List<Problem.FieldError> errors;

        Refused(List<Problem.FieldError> errors) {
            super(400, "validation-failed", "Invalid request", errors.size() + " problem(s) in the file; nothing was stored.");
            this.errors = errors;
        }

        @Override
        public List<Problem.FieldError> fieldErrors() {
            return errors;
        }
    }
}
