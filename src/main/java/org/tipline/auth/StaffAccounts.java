package org.tipline.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.tipline.directory.Staff;

/** Account-level security actions of staff members themselves: sign out everywhere. */
@ApplicationScoped
public class StaffAccounts {

    private final Clock clock;

    StaffAccounts(Clock clock) {
        this.clock = clock;
    }

    /** Refuses every token issued so far. */
    @Transactional
    public void signOutEverywhere(UUID staffId) {
        Staff.<Staff>findById(staffId).revokeTokens(clock.instant());
    }
}
