package org.tipline.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.util.UUID;

/** A school of a district; its active schools make up the public list of the tip form. */
@Entity
public class School extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "district_id")
    public District district;

    /** The agency whose officers serve this school. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    public String name;

    @Enumerated(EnumType.STRING)
    public SchoolLevel level;

    public String city;

    public boolean active;

    /** The 12-digit NCES school id that directory imports match on; null for a school added without one. */
    @Column(name = "nces_id")
    public String ncesId;
}
