package org.tipline.signin;

import org.tipline.platform.DomainException;

/** An invitation that does not exist, was used or replaced, or expired: one answer for all, revealing nothing. */
public class InvitationInvalidException extends DomainException {

    public InvitationInvalidException() {
        super(400, "invitation-invalid", "Invitation not valid",
                "This invitation link is not valid any more. Ask your Tipline administrator for a new one.");
    }
}
