package org.tipline.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.util.Optional;
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

    /** The on-call phone (E.164) that SMS alerts reach, or null. */
    @Column(name = "on_call_mobile")
    public String onCallMobile;

    /** The supervisor's phone (E.164) that SMS alerts reach, or null. */
    @Column(name = "supervisor_mobile")
    public String supervisorMobile;

    public Optional<String> onCallMobile() {
        return Optional.ofNullable(onCallMobile);
    }

    public Optional<String> supervisorMobile() {
        return Optional.ofNullable(supervisorMobile);
    }
}
