package org.tipline.tip;

import org.tipline.platform.DomainException;

/** A lifecycle step that the tip's current status does not allow. */
public class IllegalTransitionException extends DomainException {

    IllegalTransitionException(TipStatus from, TipStatus to) {
        super(409, "illegal-transition", "Illegal transition", "A tip that is " + from + " cannot become " + to + ".");
    }
}
