package org.tipline.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.audit.AuditLog;
import org.tipline.directory.Agency;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.platform.InvalidFieldException;
import org.tipline.routing.CallDownContact;
import org.tipline.routing.CallDownLadders;
import org.tipline.routing.CallDownStep;

/**
 * The call-down ladders of schools, agencies and districts: administrators set any, coordinators those of their own
 * district and its schools (an agency serves several districts: administrators only). Every change is audited.
 */
@ApplicationScoped
class CallDownAdministration {

    private final CallDownLadders ladders;
    private final AuditLog audit;

    CallDownAdministration(CallDownLadders ladders, AuditLog audit) {
        this.ladders = ladders;
        this.audit = audit;
    }

    /** One step as the API writes it. */
    record LadderStep(@NotNull CallDownContact contact,
            @NotNull @Min(0) @Max(1440) @Schema(description = "Minutes after the tip was submitted") Integer afterMinutes) {

        static LadderStep of(CallDownStep step) {
            return new LadderStep(step.contact(), (int) step.after().toMinutes());
        }
    }

    /** A ladder to set: 1 to 10 steps, in the order they are called. */
    record LadderChange(@NotNull @Size(min = 1, max = 10) List<@Valid @NotNull LadderStep> steps) {
    }

    /** The ladder in force for a school, agency or district, and where it comes from (OWN, AGENCY, DISTRICT, DEFAULT). */
    record LadderView(UUID ownerId, CallDownLadders.LadderSource source, List<LadderStep> steps) {
    }

    @Transactional
    LadderView ladder(AdminScope scope, UUID ownerId) {
        return view(scope, ownerId);
    }

    @Transactional
    LadderView replace(AdminScope scope, UUID ownerId, LadderChange change) {
        view(scope, ownerId);
        for (int i = 1; i < change.steps().size(); i++) {
            if (change.steps().get(i).afterMinutes() < change.steps().get(i - 1).afterMinutes()) {
                throw new InvalidFieldException("steps[" + i + "].afterMinutes", "must not be earlier than the step before");
            }
        }
        List<CallDownStep> steps = change.steps().stream()
                .map(step -> new CallDownStep(step.contact(), Duration.ofMinutes(step.afterMinutes()))).toList();
        ladders.replace(ownerId, steps);
        audit.append(scope.actorId().toString(), "CALL_DOWN_CHANGED", null, ownerId + " " + describe(steps));
        return view(scope, ownerId);
    }

    @Transactional
    void remove(AdminScope scope, UUID ownerId) {
        view(scope, ownerId);
        ladders.replace(ownerId, List.of());
        audit.append(scope.actorId().toString(), "CALL_DOWN_REMOVED", null, ownerId.toString());
    }

    private LadderView view(AdminScope scope, UUID ownerId) {
        School school = School.findById(ownerId);
        if (school != null) {
            requireCovered(scope, school.district);
            CallDownLadders.Effective effective = ladders.effective(school);
            return new LadderView(ownerId, effective.source(), effective.steps().stream().map(LadderStep::of).toList());
        }
        District district = District.findById(ownerId);
        if (district != null) {
            requireCovered(scope, district);
        } else if (Agency.findById(ownerId) == null || !scope.everything()) {
            throw new AdminProblems.NotInScope("school, agency or district");
        }
        return ladders.own(ownerId).map(steps -> new LadderView(ownerId, CallDownLadders.LadderSource.OWN,
                steps.stream().map(LadderStep::of).toList()))
                .orElse(new LadderView(ownerId, CallDownLadders.LadderSource.DEFAULT,
                        ladders.defaults().stream().map(LadderStep::of).toList()));
    }

    private static void requireCovered(AdminScope scope, District district) {
        if (!scope.covers(district)) {
            throw new AdminProblems.NotInScope("school, agency or district");
        }
    }

    private static String describe(List<CallDownStep> steps) {
        return steps.stream().map(step -> step.contact() + "@" + step.after().toMinutes() + "m").collect(Collectors.joining(","));
    }
}
