package org.tipline.admin;

import java.util.UUID;
import org.tipline.directory.District;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;

/** What a directory administrator may manage: an admin everything, a coordinator their own district. */
record AdminScope(UUID actorId, boolean everything, UUID districtId) {

    static AdminScope of(Staff actor) {
        return actor.role == StaffRole.ADMIN ? new AdminScope(actor.id, true, null)
                : new AdminScope(actor.id, false, actor.district.id);
    }

    boolean covers(District district) {
        return everything || (district != null && district.id.equals(districtId));
    }
}
