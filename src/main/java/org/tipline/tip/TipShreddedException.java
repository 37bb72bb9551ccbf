package org.tipline.tip;

import org.tipline.platform.DomainException;

/** A step on a tip whose content retention has shredded: only its metadata is left, so nothing more can be done. */
public class TipShreddedException extends DomainException {

    public TipShreddedException() {
        super(409, "tip-shredded", "Tip shredded",
                "The content of this tip was deleted under the retention policy; it can no longer be changed.");
    }
}
