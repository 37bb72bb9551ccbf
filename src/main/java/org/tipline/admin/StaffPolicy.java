package org.tipline.admin;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.tipline.directory.School;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;

/**
 * Who may manage whom (DESIGN 5), as one rule. An account's home is its district (counselors, coordinators),
 * its agency (SROs) or the state (analysts, administrators).
 * <ul>
 * <li>Coordinators create, reset, re-mail, disable and set the mobile number of accounts whose home is their own
 * district, and assign any active SRO, and their district's counselors, to their own schools. An assignment gives
 * them no power over the account: an SRO's home stays the agency.
 * <li>Administrators manage every account, but creating, resetting or re-mailing an analyst (who reads every tip
 * of the state) waits for a second administrator.
 * </ul>
 * Nobody learns a credential either way: account changes send invitations to the owner ({@code signin.Invitations}).
 */
final class StaffPolicy {

    private static final Set<StaffRole> DISTRICT_HOMED = Set.of(StaffRole.COUNSELOR, StaffRole.COORDINATOR);

    /** What the caller may do with an account change. */
    enum Verdict {
        ALLOWED,
        NEEDS_SECOND_ADMIN,
        REFUSED
    }

    private StaffPolicy() {
    }

    /** Creating an account of {@code role} whose home district is {@code districtId} (null for none). */
    static Verdict create(AdminScope actor, StaffRole role, UUID districtId) {
        if (actor.everything()) {
            return role == StaffRole.ANALYST ? Verdict.NEEDS_SECOND_ADMIN : Verdict.ALLOWED;
        }
        return DISTRICT_HOMED.contains(role) && Objects.equals(districtId, actor.districtId()) ? Verdict.ALLOWED : Verdict.REFUSED;
    }

    /** Resetting an account or changing its mail address: both hand the account to whoever reads the new invitation. */
    static Verdict reissue(AdminScope actor, Staff target) {
        if (actor.everything()) {
            return target.role == StaffRole.ANALYST ? Verdict.NEEDS_SECOND_ADMIN : Verdict.ALLOWED;
        }
        return homedInDistrictOf(actor, target) ? Verdict.ALLOWED : Verdict.REFUSED;
    }

    /** Disabling takes access away, so an administrator needs nobody's approval for it. */
    static Verdict disable(AdminScope actor, Staff target) {
        return actor.everything() || homedInDistrictOf(actor, target) ? Verdict.ALLOWED : Verdict.REFUSED;
    }

    /**
     * Setting or removing the mobile number SMS alerts reach. It hands nobody access (a text carries only a console
     * link that asks for a sign-in), so an analyst's needs no second administrator.
     */
    static Verdict setMobile(AdminScope actor, Staff target) {
        return actor.everything() || homedInDistrictOf(actor, target) ? Verdict.ALLOWED : Verdict.REFUSED;
    }

    /** Renaming an account (a directory import): like a mobile number, a name hands nobody access. */
    static Verdict rename(AdminScope actor, Staff target) {
        return setMobile(actor, target);
    }

    /** Assigning {@code target} to {@code school}, which the caller administers. */
    static boolean mayAssign(AdminScope actor, Staff target, School school) {
        if (!target.enabled) {
            return false;
        }
        return switch (target.role) {
            case SRO -> true;
            case COUNSELOR -> target.district != null && target.district.id.equals(school.district.id);
            default -> false;
        };
    }

    private static boolean homedInDistrictOf(AdminScope actor, Staff target) {
        return DISTRICT_HOMED.contains(target.role) && target.district != null && target.district.id.equals(actor.districtId());
    }
}
