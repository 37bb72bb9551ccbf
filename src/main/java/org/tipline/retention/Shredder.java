package org.tipline.retention;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
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
     * minimum), not shredded and not on hold.
     */
    private static final String DUE = """
            from tip t
              left join school s on s.id = t.school_id
              left join retention_policy p on p.district_id = s.district_id
              left join retention_category_period c on c.district_id = s.district_id and c.category = t.category
            where t.status = 'CLOSED' and t.shredded_at is null
              and not exists (select 1 from legal_hold h where h.tip_id = t.id)
              and t.closed_at + make_interval(days => greatest(:minimum,
                    coalesce(c.days_after_close, p.days_after_close, :default))) <= :now""";

    private final RetentionSettings settings;
    private final TipHistory history;

    Shredder(RetentionSettings settings, TipHistory history) {
        this.settings = settings;
        this.history = history;
    }

    /** Up to {@code limit} due tips after {@code after}, in the order they were closed. */
    List<TipWalk.Due> due(Instant now, TipWalk.Due after, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query("select t.closed_at, t.id " + DUE + """

                  and (t.closed_at, t.id) > (:afterAt, :afterId)
                order by t.closed_at, t.id
                limit :limit""", now)
                .setParameter("afterAt", after.at()).setParameter("afterId", after.id()).setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(TipWalk.Due::of).toList();
    }

    /**
     * Shreds the tip if it is still due, under its row lock ({@code FOR UPDATE SKIP LOCKED}: false when another
     * replica holds it, or has shredded it). Every writer of the tip's ciphertext locks the row too, so nothing is
     * sealed under the key while it is deleted, and a writer that comes after finds the tip shredded.
     */
    boolean shredIfDue(UUID tipId, Instant now) {
        boolean locked = !query("select t.id " + DUE + " and t.id = :tip for update of t skip locked", now)
                .setParameter("tip", tipId).getResultList().isEmpty();
        // The row is ours now; a hold committed between the lock statement's snapshot and its lock still counts.
        if (!locked || LegalHold.findById(tipId) != null) {
            return false;
        }
        shred(tipId, now);
        return true;
    }

    private Query query(String sql, Instant now) {
        return Panache.getEntityManager().createNativeQuery(sql)
                .setParameter("minimum", settings.minimumDays())
                .setParameter("default", settings.defaultDays())
                .setParameter("now", now);
    }

    private void shred(UUID tipId, Instant now) {
        Tip tip = Tip.findById(tipId);
        for (String table : CIPHERTEXT_TABLES) {
            Panache.getEntityManager().createNativeQuery("delete from " + table + " where tip_id = :tip")
                    .setParameter("tip", tipId).executeUpdate();
        }
        tip.shred(now);
        history.step(tip, "SHREDDED", TipHistory.SYSTEM, "content deleted under the retention policy");
    }
}
