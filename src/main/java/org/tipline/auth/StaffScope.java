package org.tipline.auth;

import java.util.Set;
import java.util.UUID;
import org.tipline.directory.StaffRole;

/**
 * Which tips a staff member may see (DESIGN 1): SROs and counselors their assigned schools,
 * coordinators their district's schools, analysts everything (tips without a school too).
 */
public record StaffScope(UUID staffId, StaffRole role, Set<UUID> schoolIds) {

    public boolean seesEverything() {
        return role == StaffRole.ANALYST;
    }

    /** Whether a tip of this school (null: no school given) is in scope. */
    public boolean covers(UUID schoolId) {
        return seesEverything() || (schoolId != null && schoolIds.contains(schoolId));
    }
}
