package org.tipline.retention;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.tipline.directory.DirectorySettings;
import org.tipline.directory.School;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;
import org.tipline.notify.NotifySettings;
import org.tipline.notify.Outbox;
import org.tipline.notify.ReviewNotice;
import org.tipline.tip.Tip;
import org.tipline.tip.TipHistory;

/**
 * Tips that were never closed are not shredded (nobody decided they were done with); once open longer than the
 * district's review period they are flagged instead, once each: a history and audit entry, the district's list of
 * tips to review, and a mail (no content) to the district's coordinators, all in the flag's transaction.
 */
@ApplicationScoped
class ReviewFlags {

    /** Open tips past their district's review period and not flagged yet. */
    private static final String DUE = """
            from tip t
              left join school s on s.id = t.school_id
              left join retention_policy p on p.district_id = s.district_id
            where t.status <> 'CLOSED' and t.retention_flagged_at is null
              and t.submitted_at + make_interval(days => coalesce(p.review_after_days, :default)) <= :now""";

    private final RetentionSettings settings;
    private final TipHistory history;
    private final Outbox outbox;
    private final NotifySettings notify;
    private final ZoneId lineZone;

    ReviewFlags(RetentionSettings settings, TipHistory history, Outbox outbox, NotifySettings notify,
            DirectorySettings directory) {
        this.settings = settings;
        this.history = history;
        this.outbox = outbox;
        this.notify = notify;
        this.lineZone = directory.timeZone();
    }

    /** Up to {@code limit} tips due for a flag after {@code after}, in the order they were submitted. */
    List<TipWalk.Due> due(Instant now, TipWalk.Due after, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query("select t.submitted_at, t.id " + DUE + """

                  and (t.submitted_at, t.id) > (:afterAt, :afterId)
                order by t.submitted_at, t.id
                limit :limit""", now)
                .setParameter("afterAt", after.at()).setParameter("afterId", after.id()).setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(TipWalk.Due::of).toList();
    }

    /**
     * Flags the tip and mails its reviewers if it is still due, under its row lock ({@code FOR UPDATE SKIP LOCKED}):
     * false when another replica holds it or has flagged it, so each tip is flagged, and mailed about, once.
     */
    boolean flagIfDue(UUID tipId, Instant now) {
        if (query("select t.id " + DUE + " and t.id = :tip for update of t skip locked", now)
                .setParameter("tip", tipId).getResultList().isEmpty()) {
            return false;
        }
        Panache.getEntityManager().createNativeQuery("update tip set retention_flagged_at = :now where id = :tip")
                .setParameter("now", now).setParameter("tip", tipId).executeUpdate();
        Tip tip = Tip.findById(tipId);
        history.step(tip, "RETENTION_REVIEW", TipHistory.SYSTEM, "still not closed after the review period: kept, not shredded");
        School school = tip.schoolId() == null ? null : School.findById(tip.schoolId());
        ReviewNotice notice = new ReviewNotice(tip.reference(), school == null ? "no school given" : school.name,
                tip.category().englishLabel(), tip.submittedAt(),
                school == null ? lineZone.getId() : school.district.timeZone,
                Duration.between(tip.submittedAt(), now).toDays(), notify.consoleBaseUrl() + "/tips/" + tip.id());
        reviewers(school).forEach(reviewer -> outbox.enqueue(tip.id(), reviewer.email, notice));
        return true;
    }

    /**
     * The enabled coordinators of the tip's district; for a tip without a school, or a district without an enabled
     * coordinator, the enabled analysts (who see every tip), so that someone is always told.
     */
    private static List<Staff> reviewers(School school) {
        List<Staff> coordinators = school == null ? List.of()
                : Staff.list("role = ?1 and district.id = ?2 and enabled = true order by email", StaffRole.COORDINATOR,
                        school.district.id);
        return coordinators.isEmpty()
                ? Staff.list("role = ?1 and enabled = true order by email", StaffRole.ANALYST)
                : coordinators;
    }

    private Query query(String sql, Instant now) {
        return Panache.getEntityManager().createNativeQuery(sql)
                .setParameter("default", settings.reviewAfterDays())
                .setParameter("now", now);
    }
}
