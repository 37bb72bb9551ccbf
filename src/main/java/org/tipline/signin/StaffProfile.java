package org.tipline.signin;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;

/** Who is signed in. */
@Schema(name = "StaffProfile")
public record StaffProfile(@Schema(required = true) UUID id, @Schema(required = true) String email,
        @Schema(required = true) String displayName, @Schema(required = true) StaffRole role,
        @Schema(required = true) boolean totpEnabled) {

    static StaffProfile of(Staff staff) {
        return new StaffProfile(staff.id, staff.email, staff.displayName, staff.role, staff.totpEnabled);
    }
}
