package org.tipline.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.tipline.directory.Staff;

/** What staff members do with their own account: read their profile, sign out everywhere. */
@ApplicationScoped
public class StaffAccounts {

    private final Clock clock;

    StaffAccounts(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public StaffProfile profile(UUID staffId) {
        return StaffProfile.of(Staff.findById(staffId));
    }

    /** Refuses every token issued so far. */
    @Transactional
    public void signOutEverywhere(UUID staffId) {
        Staff.<Staff>findById(staffId).revokeTokens(clock.instant());
    }
}
