package org.tipline.retention;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tipline.tip.Tip;
import org.tipline.tip.TipHistory;

/**
 * Crypto-shreds tips whose retention period has passed: deletes the tip's wrapped data key and every ciphertext of
 * it in the caller's transaction, and keeps the tip's row with its routing metadata (school, category, urgency,
 * channel, outcome, times and whatever else is in the clear), so statistics do not change.
 */
@ApplicationScoped
class Shredder {

    /**
     * Every table that holds ciphertext of a tip (or, for {@code tip_key}, the key to it) in rows with a
     * {@code tip_id}: shredding deletes those rows. The tip's own body is cleared by {@link Tip#shred}. A new table of
     * tip ciphertext is added here, and {@code RetentionTest} checks that none is left behind.
     */
    static final List<String> CIPHERTEXT_TABLES = List.of("tip_key", "tip_message", "tip_note", "intake_idempotency", "attachment");

    /**
     * Closed tips past their period (the category's, else the district's, else the default, never below the
     * minimum), not shredded and not on hold, oldest first, locked {@code FOR UPDATE SKIP LOCKED} so that replicas
     * share the work and none takes a tip another one is shredding.
     */
    private static final String DUE = """
            select t.id from tip t
              left join school s on s.id = t.school_id
              left join retention_policy p on p.district_id = s.district_id
              left join retention_category_period c on c.district_id = s.district_id and c.category = t.category
            where t.status = 'CLOSED' and t.shredded_at is null
              and not exists (select 1 from legal_hold h where h.tip_id = t.id)
              and t.closed_at + make_interval(days => greatest(:minimum,
                    coalesce(c.days_after_close, p.days_after_close, :default))) <= :now
            order by t.closed_at
            limit :batch
            for update of t skip locked""";

    private final RetentionSettings settings;
    private final TipHistory history;
    private final Clock clock;

    Shredder(RetentionSettings settings, TipHistory history, Clock clock) {
        this.settings = settings;
        this.history = history;
        this.clock = clock;
    }

    /** Claims up to {@code batch} due tips and shreds them; returns how many it claimed. */
    int shredDue(int batch) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> due = Panache.getEntityManager().createNativeQuery(DUE, UUID.class)
                .setParameter("minimum", settings.minimumDays())
                .setParameter("default", settings.defaultDays())
                .setParameter("now", now)
                .setParameter("batch", batch)
                .getResultList();
        due.forEach(tipId -> shred(tipId, now));
        return due.size();
    }

    private void shred(UUID tipId, Instant now) {
        // The row is ours now; a hold committed between the claim's snapshot and its lock still counts.
        if (LegalHold.findById(tipId) != null) {
            return;
        }
        Tip tip = Tip.findById(tipId);
        for (String table : CIPHERTEXT_TABLES) {
            Panache.getEntityManager().createNativeQuery("delete from " + table + " where tip_id = :tip")
                    .setParameter("tip", tipId).executeUpdate();
        }
        tip.shred(now);
        history.step(tip, "SHREDDED", TipHistory.SYSTEM, "content deleted under the retention policy");
    }
}
