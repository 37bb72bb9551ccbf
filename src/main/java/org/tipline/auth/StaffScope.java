package org.tipline.auth;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.tipline.directory.Assignment;
import org.tipline.directory.School;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;
import org.tipline.intake.Tip;

/**
 * Which tips a staff member may see (DESIGN 1): SROs and counselors their assigned schools,
 * coordinators their district's schools, analysts everything (tips without a school too).
 */
public record StaffScope(UUID staffId, StaffRole role, Set<UUID> schoolIds) {

    /** Works out a staff member's scope from the directory; call inside a transaction. */
    static StaffScope of(Staff staff) {
        List<UUID> schools = switch (staff.role) {
            case SRO, COUNSELOR -> Assignment.<Assignment>list("staff.id", staff.id).stream().map(a -> a.school.id).toList();
            case COORDINATOR -> School.<School>list("district.id", staff.district.id).stream().map(s -> s.id).toList();
            default -> List.of();
        };
        return new StaffScope(staff.id, staff.role, Set.copyOf(schools));
    }

    public boolean seesEverything() {
        return role == StaffRole.ANALYST;
    }

    public boolean covers(Tip tip) {
        return seesEverything() || (tip.schoolId != null && schoolIds.contains(tip.schoolId));
    }
}
