package org.tipline.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tipline.auth.StaffScope;
import org.tipline.directory.School;
import org.tipline.directory.ServedSchools;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;
import org.tipline.tip.Tip;

/**
 * What the console offers a staff member to choose from, by the same rules the case steps apply: the schools to
 * filter the queue by and to move a tip to ({@link CaseLifecycle#reassign}), the staff who may lead a tip
 * ({@link CaseLifecycle#assignLead}). Nothing here reads tip content.
 */
@ApplicationScoped
public class CaseChoices {

    /**
     * The schools of every district in which the caller serves a school (analysts: every school), each marked
     * whether the caller serves it: those make up the queue's school filter, the rest of its district are where
     * a tip may be moved.
     */
    @Transactional
    public List<CaseViews.SchoolChoice> schools(StaffScope scope) {
        List<School> schools;
        if (scope.seesEverything()) {
            schools = School.list("order by name, city");
        } else if (scope.schoolIds().isEmpty()) {
            schools = List.of();
        } else {
            Set<UUID> districts = School.<School>list("id in ?1", scope.schoolIds()).stream().map(s -> s.district.id)
                    .collect(Collectors.toSet());
            schools = School.list("district.id in ?1 order by name, city", districts);
        }
        return schools.stream().map(s -> new CaseViews.SchoolChoice(s.id, s.name, s.city, s.district.id, s.district.name,
                s.district.timeZone, s.active, scope.covers(s.id))).toList();
    }

    /**
     * Who may lead the tip: the enabled staff who serve its school, then the enabled analysts, who may lead any tip.
     * A tip out of the caller's scope is not found.
     */
    @Transactional
    public List<CaseViews.LeadChoice> leads(StaffScope scope, UUID tipId) {
        Tip tip = Tip.inScope(scope, tipId);
        List<Staff> candidates = new ArrayList<>();
        if (tip.schoolId() != null) {
            candidates.addAll(ServedSchools.servingSchool(tip.schoolId()));
        }
        candidates.addAll(Staff.list("enabled = true and role = ?1 order by displayName, email", StaffRole.ANALYST));
        return candidates.stream().map(s -> new CaseViews.LeadChoice(s.id, s.displayName, s.email, s.role.name(),
                s.id.equals(tip.leadStaffId()))).toList();
    }
}
