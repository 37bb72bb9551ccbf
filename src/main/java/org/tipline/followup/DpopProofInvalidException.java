package org.tipline.followup;

import org.tipline.platform.DomainException;

/**
 * A key-bound reporter token without a valid DPoP proof: none, forged, for another request, too old, or one already
 * used. One answer for all, so that a replayed request learns nothing about why.
 */
class DpopProofInvalidException extends DomainException {

    DpopProofInvalidException() {
        super(401, "dpop-proof-invalid", "Proof of possession refused",
                "This request needs a new DPoP proof from the page that opened the session. Nothing was changed.");
    }
}
