package org.tipline.admin;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.directory.AgencyKind;
import org.tipline.directory.AssignmentKind;
import org.tipline.directory.SchoolLevel;
import org.tipline.directory.StaffRole;

/** Bodies of the directory administration requests. */
final class AdminRequests {

    private AdminRequests() {
    }

    @Schema(name = "NewDistrict")
    record NewDistrict(@Schema(required = true) @NotBlank @Size(max = 200) String name,
            @Schema(required = true, description = "IANA time zone, e.g. America/Denver") @NotBlank @Size(max = 64) String timeZone) {
    }

    /** The whole of a district's settings: what is left out is an error, not "unchanged". */
    @Schema(name = "DistrictChange")
    record DistrictChange(@Schema(required = true) @NotBlank @Size(max = 200) String name,
            @Schema(required = true, description = "IANA time zone, e.g. America/Denver") @NotBlank @Size(max = 64) String timeZone,
            @Schema(required = true, description = "When business hours begin, HH:MM in the district's zone", example = "07:30")
            @NotNull String businessDayStart,
            @Schema(required = true, description = "When they end, after the start", example = "16:30")
            @NotNull String businessDayEnd,
            @Schema(required = true, description = "The days of the week with business hours; at least one, each once")
            @NotNull @Size(min = 1, max = 7) List<DayOfWeek> businessDays,
            @Schema(required = true, description = "Dates (YYYY-MM-DD) without business hours, each once")
            @NotNull @Size(max = MAX_HOLIDAYS) List<String> holidays) {
    }

    static final int MAX_HOLIDAYS = 1000;

    @Schema(name = "NewSchool")
    record NewSchool(@Schema(required = true) @NotNull UUID districtId, @Schema(required = true) @NotNull UUID agencyId,
            @Schema(required = true) @NotBlank @Size(max = 200) String name, @Schema(required = true) @NotNull SchoolLevel level,
            @Schema(required = true) @NotBlank @Size(max = 100) String city) {
    }

    @Schema(name = "NewAgency")
    record NewAgency(@Schema(required = true) @NotBlank @Size(max = 200) String name, @Schema(required = true) @NotNull AgencyKind kind,
            @Schema(required = true) @NotBlank @Email @Size(max = 320) String onCallEmail,
            @Schema(required = true) @NotBlank @Email @Size(max = 320) String supervisorEmail,
            @Schema(description = MOBILE + "; where SMS alerts reach the on-call") String onCallMobile,
            @Schema(description = MOBILE + "; where SMS alerts reach the supervisor") String supervisorMobile) {
    }

    /** An agency's phones: both are replaced, and null clears one. */
    @Schema(name = "AgencyMobiles")
    record AgencyMobiles(@Schema(description = MOBILE + ", or null for none") String onCallMobile,
            @Schema(description = MOBILE + ", or null for none") String supervisorMobile) {
    }

    /** How mobile numbers are written; a number is personal data. */
    static final String MOBILE = "Mobile number in E.164 form, e.g. +13075550123";

    @Schema(name = "NewStaff")
    record NewStaff(@Schema(required = true) @NotBlank @Email @Size(max = 320) String email,
            @Schema(required = true) @NotBlank @Size(max = 200) String displayName, @Schema(required = true) @NotNull StaffRole role,
            @Schema(description = "Required for counselors and coordinators") UUID districtId,
            @Schema(description = "Required for SROs") UUID agencyId,
            @Schema(description = MOBILE + "; where SMS alerts reach the account's owner. Not for analyst accounts, "
                    + "which wait for a second administrator: set it once the account exists") String mobile) {
    }

    /** Null clears the number. */
    @Schema(name = "MobileChange")
    record MobileChange(@Schema(description = MOBILE + ", or null to remove it") String mobile) {
    }

    @Schema(name = "EmailChange")
    record EmailChange(@Schema(required = true) @NotBlank @Email @Size(max = 320) String email) {
    }

    @Schema(name = "AssignmentRequest")
    record Assign(@Schema(required = true) @NotNull AssignmentKind kind, @Schema(required = true) boolean primary) {
    }
}
