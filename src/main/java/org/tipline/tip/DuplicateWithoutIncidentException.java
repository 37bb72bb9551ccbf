package org.tipline.tip;

import org.tipline.platform.DomainException;

/** A tip closed as DUPLICATE must be linked to an incident with the tip it duplicates, and stay linked. */
public class DuplicateWithoutIncidentException extends DomainException {

    DuplicateWithoutIncidentException() {
        super(409, "duplicate-without-incident", "Duplicate without incident",
                "A tip closed as DUPLICATE must be linked to an incident with the tip it duplicates: link it first, "
                        + "or reopen it before taking it out of its incident.");
    }
}
