package org.tipline.platform;

/** A query or path parameter that does not have the expected form. */
public class InvalidParameterException extends DomainException {

    public InvalidParameterException(String parameter, String expected) {
        super(400, "invalid-parameter", "Invalid parameter", "Parameter '" + parameter + "' must be " + expected + ".");
    }
}
