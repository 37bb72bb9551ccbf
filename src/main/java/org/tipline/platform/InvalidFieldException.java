package org.tipline.platform;

import java.util.List;

/** A request field whose value is well-formed but not acceptable (an unknown school, say). */
public class InvalidFieldException extends DomainException {

    private final String field;
    private final String reason;

    public InvalidFieldException(String field, String reason) {
        super(400, "validation-failed", "Invalid request", "Invalid value of " + field + ".");
        this.field = field;
        this.reason = reason;
    }

    @Override
    public List<Problem.FieldError> fieldErrors() {
        return List.of(new Problem.FieldError(field, reason));
    }
}
