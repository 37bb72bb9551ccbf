package org.tipline.admin;

import java.util.UUID;
import org.tipline.directory.School;

/** The schools an administrator may manage: every school for an admin, their district's for a coordinator. */
final class SchoolsInScope {

    private SchoolsInScope() {
    }

    /** The school, if the caller administers it; not found otherwise (the same answer). */
    static School school(AdminScope scope, UUID schoolId) {
        School school = School.findById(schoolId);
        if (school == null || !scope.covers(school.district)) {
            throw new AdminProblems.NotInScope("school");
        }
        return school;
    }
}
