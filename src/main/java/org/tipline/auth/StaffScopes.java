package org.tipline.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.tipline.directory.Assignment;
import org.tipline.directory.School;
import org.tipline.directory.Staff;

/** Works out a staff member's scope from the directory, fresh on every request. */
@ApplicationScoped
public class StaffScopes {

    @Transactional
    public StaffScope of(UUID staffId) {
        Staff staff = Staff.findById(staffId);
        List<UUID> schools = switch (staff.role) {
            case SRO, COUNSELOR -> Assignment.<Assignment>list("staff.id", staffId).stream().map(a -> a.school.id).toList();
            case COORDINATOR -> School.<School>list("district.id", staff.district.id).stream().map(s -> s.id).toList();
            case ANALYST, ADMIN -> List.of();
        };
        return new StaffScope(staffId, staff.role, new HashSet<>(schools));
    }
}
