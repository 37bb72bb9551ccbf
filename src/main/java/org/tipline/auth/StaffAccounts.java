package org.tipline.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.tipline.directory.Staff;

/** Account-level security actions of staff members themselves: sign out everywhere. */
@ApplicationScoped
public class StaffAccounts {

    private final Clock clock;

    StaffAccounts(Clock clock) {
        this.clock = clock;
    }

    /** Refuses every token issued so far (tokens carry whole seconds, so from the next second on). */
    @Transactional
    public void signOutEverywhere(UUID staffId) {
        Staff staff = Staff.findById(staffId);
        staff.tokensNotBefore = nextSecond();
    }

    private Instant nextSecond() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }
}
