package org.tipline.directory;

import io.quarkus.hibernate.orm.panache.Panache;
import java.util.List;
import java.util.UUID;

/**
 * Who serves which school (DESIGN 1), defined once, in SQL: SROs and counselors the schools they are
 * assigned to, coordinators every school of their district, everyone else none (analysts see every tip by
 * their role, administrators no tip). The token check, case work and administration all ask here.
 */
public final class ServedSchools {

    /**
     * SQL expression, a {@code uuid[]}: the schools served by the {@code staff} row aliased {@code s}. Also run bare
     * by QueueBenchmark through {@code StaffAccess}.
     */
    public static final String OF_STAFF_ROW = "case when s.role in ('SRO', 'COUNSELOR') then "
            + "array(select a.school_id from assignment a where a.staff_id = s.id) "
            + "when s.role = 'COORDINATOR' then array(select c.id from school c where c.district_id = s.district_id) "
            + "else '{}'::uuid[] end";

    private ServedSchools() {
    }

    /** Whether the staff member serves the school. */
    public static boolean serves(UUID staffId, UUID schoolId) {
        return exists("select 1 from staff s where s.id = ?1 and ?2 = any(" + OF_STAFF_ROW + ")", staffId, schoolId);
    }

    /** Whether the staff member serves any school of the district. */
    public static boolean servesInDistrict(UUID staffId, UUID districtId) {
        return exists("select 1 from staff s where s.id = ?1 and exists (select 1 from school c where c.district_id = ?2 "
                + "and c.id = any(" + OF_STAFF_ROW + "))", staffId, districtId);
    }

    /** The staff of a district, by email: those whose home it is and those who serve one of its schools. */
    @SuppressWarnings("unchecked")
    public static List<Staff> ofDistrict(UUID districtId) {
        return Panache.getEntityManager()
                .createNativeQuery("select s.* from staff s where s.district_id = ?1 or exists (select 1 from school c "
                        + "where c.district_id = ?1 and c.id = any(" + OF_STAFF_ROW + ")) order by s.email", Staff.class)
                .setParameter(1, districtId)
                .getResultList();
    }

    /** The enabled staff who serve the school (assigned SROs and counselors, the district's coordinators), by name. */
    @SuppressWarnings("unchecked")
    public static List<Staff> servingSchool(UUID schoolId) {
        return Panache.getEntityManager()
                .createNativeQuery("select s.* from staff s where s.enabled and ?1 = any(" + OF_STAFF_ROW + ") "
                        + "order by s.display_name, s.email", Staff.class)
                .setParameter(1, schoolId)
                .getResultList();
    }

    private static boolean exists(String sql, Object... parameters) {
        var query = Panache.getEntityManager().createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return !query.getResultList().isEmpty();
    }
}
