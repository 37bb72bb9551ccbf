package org.tipline.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.audit.AuditLog;
import org.tipline.directory.Category;
import org.tipline.directory.District;
import org.tipline.platform.InvalidFieldException;
import org.tipline.retention.RetentionPolicies;

/** Districts' retention policies: administrators any, coordinators their own. Every change is audited. */
@ApplicationScoped
class RetentionAdministration {

    private final RetentionPolicies policies;
    private final AuditLog audit;

    RetentionAdministration(RetentionPolicies policies, AuditLog audit) {
        this.policies = policies;
        this.audit = audit;
    }

    /** A category's own, longer period. */
    @Schema(name = "RetentionCategoryPeriod")
    record CategoryPeriod(@Schema(required = true) @NotNull Category category,
            @Schema(required = true, description = "Days after closing; not shorter than the policy's") @NotNull Integer daysAfterClose) {
    }

    /** A policy to set. */
    @Schema(name = "RetentionPolicyChange")
    record PolicyChange(
            @Schema(required = true, description = "Days after closing before a tip's content is shredded; at least "
                    + "tipline.retention.minimum-days") @NotNull Integer daysAfterClose,
            @Schema(required = true, description = "Days after submission after which a tip still not closed is flagged "
                    + "for review (never shredded while open)") @NotNull Integer reviewAfterDays,
            @Schema(required = true, description = "Longer periods of some categories, each category at most once")
            @NotNull @Size(max = 32) List<@Valid @NotNull CategoryPeriod> categories) {
    }

    /** The policy in force. */
    @Schema(name = "RetentionPolicy")
    record PolicyView(@Schema(required = true) UUID districtId,
            @Schema(required = true, description = "OWN when the district set it, DEFAULT otherwise") String source,
            @Schema(required = true) int daysAfterClose, @Schema(required = true) int reviewAfterDays,
            @Schema(required = true) List<CategoryPeriod> categories,
            @Schema(required = true, description = "The shortest period any policy may set") int minimumDays) {
    }

    @Transactional
    PolicyView policy(AdminScope scope, UUID districtId) {
        requireDistrict(scope, districtId);
        return view(districtId, policies.of(districtId));
    }

    @Transactional
    PolicyView replace(AdminScope scope, UUID districtId, PolicyChange change) {
        requireDistrict(scope, districtId);
        Map<Category, Integer> categories = new EnumMap<>(Category.class);
        for (int i = 0; i < change.categories().size(); i++) {
            CategoryPeriod period = change.categories().get(i);
            if (categories.put(period.category(), period.daysAfterClose()) != null) {
                throw new InvalidFieldException("categories[" + i + "].category", "each category at most once");
            }
        }
        String before = describe(policies.of(districtId));
        RetentionPolicies.Effective after = policies.replace(districtId, change.daysAfterClose(), change.reviewAfterDays(),
                categories);
        audit.append(scope.actorId().toString(), "RETENTION_POLICY_CHANGED", null,
                districtId + " " + before + " -> " + describe(after));
        return view(districtId, after);
    }

    private PolicyView view(UUID districtId, RetentionPolicies.Effective policy) {
        return new PolicyView(districtId, policy.own() ? "OWN" : "DEFAULT", policy.daysAfterClose(),
                policy.reviewAfterDays(), policy.categoryDays().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new CategoryPeriod(e.getKey(), e.getValue())).toList(),
                policies.minimumDays());
    }

    private static void requireDistrict(AdminScope scope, UUID districtId) {
        District district = District.findById(districtId);
        if (district == null || !scope.covers(district)) {
            throw new AdminProblems.NotInScope("district");
        }
    }

    /** What the audit log keeps of a policy: every setting. */
    private static String describe(RetentionPolicies.Effective policy) {
        return "days=" + policy.daysAfterClose() + " review=" + policy.reviewAfterDays() + " categories="
                + policy.categoryDays().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }
}
