package org.tipline.tip;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One entry of a tip's history: what happened, when, by whom. Never tip content. */
@Entity
@Table(name = "tip_event")
public class TipEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tip_id")
    public UUID tipId;

    public Instant at;

    public String kind;

    /** A staff member's id, or "system" for automatic steps. */
    public String actor;

    public String detail;

    /** The tip's history, oldest first. */
    public static List<TipEvent> historyOf(UUID tipId) {
        return list("tipId = ?1 order by at", tipId);
    }

    /** Only {@link TipHistory} writes history. */
    static void record(UUID tipId, Instant at, String kind, String actor, String detail) {
        TipEvent event = new TipEvent();
        event.id = UUID.randomUUID();
        event.tipId = tipId;
        event.at = at;
        event.kind = kind;
        event.actor = actor;
        event.detail = detail;
        event.persist();
    }
}
