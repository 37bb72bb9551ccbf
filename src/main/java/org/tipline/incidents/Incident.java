package org.tipline.incidents;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** One event that two or more tips are about; the tips point to it ({@code tip.incident_id}). */
@Entity
class Incident extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(name = "created_at")
    Instant createdAt;

    static Incident started(Instant at) {
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.createdAt = at;
        return incident;
    }
}
