package org.tipline.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.util.UUID;

/** A law-enforcement agency (city police, sheriff, town police) that serves schools. */
@Entity
public class Agency extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public AgencyKind kind;

    /** Receives the tips of a school whose SRO post is vacant. */
    @Column(name = "on_call_email")
    public String onCallEmail;

    /** Receives escalations of unacknowledged life-safety tips. */
    @Column(name = "supervisor_email")
    public String supervisorEmail;
}
