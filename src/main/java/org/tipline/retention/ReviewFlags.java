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
 * Tips that were never closed are not shredded (nobody decided they were done with); once open longer than the
 * district's review period they are flagged instead, once each: a history and audit entry, and the district's list of
 * tips to review.
 */
@ApplicationScoped
class ReviewFlags {

    /** Open tips past their district's review period and not flagged yet, locked as {@link Shredder} locks. */
    private static final String DUE = """
            select t.id from tip t
              left join school s on s.id = t.school_id
              left join retention_policy p on p.district_id = s.district_id
            where t.status <> 'CLOSED' and t.retention_flagged_at is null
              and t.submitted_at + make_interval(days => coalesce(p.review_after_days, :default)) <= :now
            order by t.submitted_at
            limit :batch
            for update of t skip locked""";

    private final RetentionSettings settings;
    private final TipHistory history;
    private final Clock clock;

    ReviewFlags(RetentionSettings settings, TipHistory history, Clock clock) {
        this.settings = settings;
        this.history = history;
        this.clock = clock;
    }

    /** Claims up to {@code batch} open tips past their review period and flags them; returns how many. */
    int flagDue(int batch) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> due = Panache.getEntityManager().createNativeQuery(DUE, UUID.class)
                .setParameter("default", settings.reviewAfterDays())
                .setParameter("now", now)
                .setParameter("batch", batch)
                .getResultList();
        for (UUID tipId : due) {
            Panache.getEntityManager().createNativeQuery("update tip set retention_flagged_at = :now where id = :tip")
                    .setParameter("now", now).setParameter("tip", tipId).executeUpdate();
            history.step(Tip.findById(tipId), "RETENTION_REVIEW", TipHistory.SYSTEM,
                    "still not closed after the review period: kept, not shredded");
        }
        return due.size();
    }
}
