package org.tipline.directory;

import org.tipline.platform.DomainException;

/** No active school has the requested id. */
public class UnknownSchoolException extends DomainException {

    public UnknownSchoolException() {
        super(404, "unknown-school", "Unknown school", "No active school has this id.");
    }
}
