package org.tipline.tip;

import org.tipline.platform.Redaction;
import org.tipline.platform.Redaction.Redacted;

/** What the reporter wrote: the part of a tip that is only ever stored encrypted. */
public record TipBody(@Redacted String description, @Redacted String location, @Redacted String when,
        @Redacted String peopleInvolved, @Redacted String reporterContact, @Redacted String language) {

    /** All of it is the reporter's, and all of it is only ever stored encrypted: none of it prints. */
    @Override
    public String toString() {
        return Redaction.toString(this);
    }
}
