package org.tipline.casework;

import org.tipline.platform.DomainException;

/** A lifecycle step that the tip's current status does not allow. */
public class IllegalTransitionException extends DomainException {

    public IllegalTransitionException(String from, String to) {
        super(409, "illegal-transition", "Illegal transition", "A tip that is " + from + " cannot become " + to + ".");
    }
}
