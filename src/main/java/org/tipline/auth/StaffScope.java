package org.tipline.auth;

import java.util.Set;
import java.util.UUID;
import org.tipline.directory.StaffRole;
import org.tipline.intake.Tip;

/**
 * Which tips a staff member may see (DESIGN 1): SROs and counselors their assigned schools,
 * coordinators their district's schools, analysts everything (tips without a school too).
 */
public record StaffScope(UUID staffId, StaffRole role, Set<UUID> schoolIds) {

    public boolean seesEverything() {
        return role == StaffRole.ANALYST;
    }

    public boolean covers(Tip tip) {
        return seesEverything() || (tip.schoolId != null && schoolIds.contains(tip.schoolId));
    }
}
