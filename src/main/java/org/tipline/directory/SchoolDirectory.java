package org.tipline.directory;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the public part of the directory: the active schools a tip can be about. */
@ApplicationScoped
public class SchoolDirectory {

    /** Active schools, by name; only those of one district when {@code districtId} is given. */
    public List<SchoolView> activeSchools(Optional<UUID> districtId) {
        String query = "select s from School s join fetch s.district d where s.active = true"
                + districtId.map(id -> " and d.id = ?1").orElse("")
                + " order by lower(s.name)";
        List<School> schools = districtId.isPresent()
                ? School.find(query, districtId.get()).list()
                : School.find(query).list();
        return schools.stream().map(SchoolView::of).toList();
    }

    /** An active school, or {@link UnknownSchoolException}. */
    public SchoolView activeSchool(UUID id) {
        return School.<School>find("select s from School s join fetch s.district where s.id = ?1 and s.active = true", id)
                .firstResultOptional()
                .map(SchoolView::of)
                .orElseThrow(UnknownSchoolException::new);
    }
}
