package org.tipline.followup;

import org.tipline.platform.DomainException;

/**
 * No tip has this case-code key, and some tips are still stored under the case-code scheme before keys (found only
 * from the code itself). The page then sends the code, sealed in an envelope; the tip moves to the key scheme.
 */
class CaseCodeNeededException extends DomainException {

    CaseCodeNeededException() {
        super(401, "case-code-needed", "Case code not recognized by its key",
                "No tip matches this case-code key. Tips from before case-code keys are found from the code itself: "
                        + "send the case code in an envelope. If this was a new code, check it and try again.");
    }
}
