package org.tipline.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Links a staff member to a school they serve as SRO or counselor; tips of the school reach them. */
@Entity
public class Assignment extends PanacheEntityBase {

    /** Composite key: one assignment per staff member and school. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "staff_id")
        public UUID staffId;

        @Column(name = "school_id")
        public UUID schoolId;

        protected Key() {
        }

        public Key(UUID staffId, UUID schoolId) {
            this.staffId = staffId;
            this.schoolId = schoolId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(staffId, key.staffId)
                    && Objects.equals(schoolId, key.schoolId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(staffId, schoolId);
        }
    }

    @EmbeddedId
    public Key id;

    @MapsId("staffId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "staff_id")
    public Staff staff;

    @MapsId("schoolId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "school_id")
    public School school;

    @Enumerated(EnumType.STRING)
    public AssignmentKind kind;

    @Column(name = "is_primary")
    public boolean primary;

    public static Assignment of(Staff staff, School school, AssignmentKind kind, boolean primary) {
        Assignment assignment = new Assignment();
        assignment.id = new Key(staff.id, school.id);
        assignment.staff = staff;
        assignment.school = school;
        assignment.kind = kind;
        assignment.primary = primary;
        return assignment;
    }
}
