package org.tipline.crypto;

import java.util.List;
import org.tipline.platform.DomainException;
import org.tipline.platform.Problem;

/** An encrypted tip that cannot be opened: the answer says which part is wrong, never what it held. */
public class EnvelopeException extends DomainException {

    private final List<Problem.FieldError> fieldErrors;

    private EnvelopeException(String code, String title, String detail, List<Problem.FieldError> fieldErrors) {
        super(400, code, title, detail);
        this.fieldErrors = fieldErrors;
    }

    public static EnvelopeException unknownKey() {
        return new EnvelopeException("envelope-unknown-key", "Unknown intake key",
                "The envelope names an intake key that is not (or no longer) accepted. "
                        + "Fetch GET /api/v1/intake-key and encrypt again. Nothing was saved.",
                List.of(new Problem.FieldError("kid", "unknown or expired key id")));
    }

    public static EnvelopeException malformed(String field, String reason) {
        return new EnvelopeException("envelope-malformed", "Malformed envelope",
                "The envelope field '" + field + "' " + reason + ". Nothing was saved.",
                List.of(new Problem.FieldError(field, reason)));
    }

    public static EnvelopeException undecryptable() {
        return new EnvelopeException("envelope-undecryptable", "Envelope does not decrypt",
                "The envelope was altered or encrypted to another key. Nothing was saved.", List.of());
    }

    @Override
    public List<Problem.FieldError> fieldErrors() {
        return fieldErrors;
    }
}
