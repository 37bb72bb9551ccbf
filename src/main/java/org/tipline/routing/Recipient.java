package org.tipline.routing;

import java.util.UUID;

/**
 * Someone a tip goes to: a staff member, or a mailbox (an agency's on-call, the analyst desk).
 *
 * @param reason why they get it, for the tip's history (e.g. "SRO of Kelly Walsh High School")
 */
public record Recipient(UUID staffId, UUID agencyId, String email, RecipientRole role, String reason, boolean lead) {

    public Recipient asLead() {
        return new Recipient(staffId, agencyId, email, role, reason, true);
    }
}
