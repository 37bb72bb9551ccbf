package org.tipline.admin;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.directory.Agency;
import org.tipline.directory.School;
import org.tipline.directory.Staff;
import org.tipline.platform.Redaction;
import org.tipline.platform.Redaction.Redacted;

/** What directory administration answers. */
final class AdminViews {

    private AdminViews() {
    }

    @Schema(name = "AdminSchool")
    record SchoolRow(@Schema(required = true) UUID id, @Schema(required = true) String name, @Schema(required = true) String city,
            @Schema(required = true) String level, @Schema(required = true) UUID districtId, @Schema(required = true) UUID agencyId,
            @Schema(required = true) boolean active) {
        static SchoolRow of(School school) {
            return new SchoolRow(school.id, school.name, school.city, school.level.name(), school.district.id, school.agency.id,
                    school.active);
        }
    }

    @Schema(name = "AdminAgency")
    record AgencyRow(@Schema(required = true) UUID id, @Schema(required = true) String name, @Schema(required = true) String kind) {
        static AgencyRow of(Agency agency) {
            return new AgencyRow(agency.id, agency.name, agency.kind.name());
        }
    }

    @Schema(name = "AdminStaff")
    record StaffRow(@Schema(required = true) UUID id, @Schema(required = true) String email, @Schema(required = true) String displayName,
            @Schema(required = true) String role, UUID districtId, UUID agencyId, @Schema(required = true) boolean enabled,
            @Schema(required = true) boolean totpEnabled) {
        static StaffRow of(Staff staff) {
            return new StaffRow(staff.id, staff.email, staff.displayName, staff.role.name(),
                    staff.district == null ? null : staff.district.id, staff.agency == null ? null : staff.agency.id, staff.enabled,
                    staff.totpEnabled);
        }
    }

    /** A new or reset account and its one-time password, shown once; TOTP must be set up at first sign-in. */
    @Schema(name = "StaffCredentials")
    record Credentials(@Schema(required = true) StaffRow staff,
            @Schema(required = true, description = "One-time password, shown only here")
            @Redacted String temporaryPassword) {
        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }
}
