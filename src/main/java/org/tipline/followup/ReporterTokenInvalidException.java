package org.tipline.followup;

import org.tipline.platform.DomainException;

/** A missing, expired or forged reporter token, or a token that is not a reporter's. */
class ReporterTokenInvalidException extends DomainException {

    ReporterTokenInvalidException() {
        super(401, "reporter-token-invalid", "Enter your case code again",
                "This follow-up session is missing or has expired. Enter your case code to continue.");
    }
}
