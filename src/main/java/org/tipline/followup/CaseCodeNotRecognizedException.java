package org.tipline.followup;

import org.tipline.platform.DomainException;

/** The one answer for a code that is wrong, unknown or malformed, so that none of them can be told apart. */
class CaseCodeNotRecognizedException extends DomainException {

    CaseCodeNotRecognizedException() {
        super(401, "case-code-not-recognized", "Case code not recognized",
                "No tip matches this case code. Check it and try again; a case code looks like XXXX-XXXX-XXXX-XXXX.");
    }
}
