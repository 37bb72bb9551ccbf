package org.tipline.tip;

import org.tipline.platform.DomainException;

/** No such tip, or not one the caller may see: the same answer, so that scope reveals nothing. */
public class TipNotFoundException extends DomainException {

    public TipNotFoundException() {
        super(404, "tip-not-found", "Tip not found", "There is no tip with this id that you may see.");
    }
}
