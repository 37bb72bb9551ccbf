package org.tipline.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.audit.AuditLog;
import org.tipline.directory.District;
import org.tipline.directory.StaffRole;
import org.tipline.platform.InvalidFieldException;

/**
 * Which roles may view a district's sensitive attachments (sexting and sexual-abuse tips, or marked by staff): set by
 * administrators for any district and by coordinators for their own, and audited.
 */
@ApplicationScoped
class SensitiveAttachmentRoles {

    /** Administrators see no tip content at all, so they can never be allowed. */
    private static final Set<StaffRole> ALLOWABLE = EnumSet.of(StaffRole.SRO, StaffRole.COUNSELOR, StaffRole.COORDINATOR,
            StaffRole.ANALYST);

    private final AuditLog audit;

    SensitiveAttachmentRoles(AuditLog audit) {
        this.audit = audit;
    }

    /** The roles allowed, in the order of {@link StaffRole}. */
    @Schema(name = "SensitiveAttachmentRoles")
    record Roles(@Schema(required = true, description = "SRO, COUNSELOR, COORDINATOR or ANALYST; may be empty")
            @NotNull @Size(max = 4) List<StaffRole> roles) {
    }

    @Transactional
    Roles of(AdminScope scope, UUID districtId) {
        return new Roles(List.copyOf(DirectoryAdministration.districtInScope(scope, districtId).sensitiveAttachmentRoleSet()));
    }

    @Transactional
    Roles set(AdminScope scope, UUID districtId, Roles request) {
        District district = DirectoryAdministration.districtInScope(scope, districtId);
        if (request.roles().contains(null) || !ALLOWABLE.containsAll(request.roles())
                || Set.copyOf(request.roles()).size() != request.roles().size()) {
            throw new InvalidFieldException("roles", "each of SRO, COUNSELOR, COORDINATOR, ANALYST at most once");
        }
        String before = district.sensitiveAttachmentRoles;
        district.sensitiveAttachmentRoles = request.roles().stream().sorted().map(StaffRole::name)
                .collect(Collectors.joining(","));
        audit.append(scope.actorId().toString(), "DISTRICT_SENSITIVE_ATTACHMENT_ROLES_CHANGED", null,
                district.id + " " + before + " -> " + district.sensitiveAttachmentRoles);
        return of(scope, districtId);
    }
}
