package org.tipline.tip;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A staff-only note on a tip, sealed under the tip's data key. The reporter never sees it. */
@Entity
@Table(name = "tip_note")
public class TipNote extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tip_id")
    public UUID tipId;

    @Column(name = "author_staff_id")
    public UUID authorStaffId;

    @Column(name = "created_at")
    public Instant createdAt;

    public byte[] body;

    /** The tip's notes, oldest first. */
    public static List<TipNote> ofTip(UUID tipId) {
        return list("tipId = ?1 order by createdAt", tipId);
    }
}
