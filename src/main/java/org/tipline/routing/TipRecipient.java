package org.tipline.routing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A recipient of a tip, stored with the tip in its transaction. */
@Entity
@Table(name = "tip_recipient")
public class TipRecipient extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tip_id")
    public UUID tipId;

    @Column(name = "staff_id")
    public UUID staffId;

    @Column(name = "agency_id")
    public UUID agencyId;

    public String email;

    @Enumerated(EnumType.STRING)
    public RecipientRole role;

    public String reason;

    @Column(name = "is_lead")
    public boolean lead;

    @Column(name = "created_at")
    public Instant createdAt;

    static TipRecipient of(UUID tipId, Recipient recipient, Instant now) {
        TipRecipient row = new TipRecipient();
        row.id = UUID.randomUUID();
        row.tipId = tipId;
        row.staffId = recipient.staffId();
        row.agencyId = recipient.agencyId();
        row.email = recipient.email();
        row.role = recipient.role();
        row.reason = recipient.reason();
        row.lead = recipient.lead();
        row.createdAt = now;
        return row;
    }

    /** The tip's current recipients. */
    public static List<TipRecipient> ofTip(UUID tipId) {
        return list("tipId", tipId);
    }

    /** The tip is routed again: its old recipients no longer get it. */
    static void deleteForTip(UUID tipId) {
        delete("tipId", tipId);
    }
}
