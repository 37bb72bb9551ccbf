package org.tipline.retention;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A legal hold on a tip: while it exists the tip is never shredded. Released by deleting the row (audited). */
@Entity
@Table(name = "legal_hold")
public class LegalHold extends PanacheEntityBase {

    @Id
    @Column(name = "tip_id")
    public UUID tipId;

    /** Why, in staff's words (a court order's number, say); never the reporter's. */
    public String reason;

    @Column(name = "placed_by")
    public UUID placedBy;

    @Column(name = "placed_at")
    public Instant placedAt;
}
