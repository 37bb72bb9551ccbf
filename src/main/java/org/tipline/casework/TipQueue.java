package org.tipline.casework;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tipline.auth.StaffScope;
import org.tipline.platform.Where;

/**
 * A staff member's queue: the tips of their scope, filtered, life-safety first and then oldest first.
 * Reads metadata only; nothing is decrypted here.
 */
@ApplicationScoped
public class TipQueue {

    private final Clock clock;

    TipQueue(Clock clock) {
        this.clock = clock;
    }

    /**
     * Reads without a transaction: two read-only statements gain nothing from one (at READ COMMITTED each
     * statement sees its own snapshot either way), and begin and commit were a large part of the time.
     */
    public QueuePage page(StaffScope scope, QueueFilter filter) {
        Instant now = clock.instant();
        Where where = new Where();
        if (!scope.seesEverything()) {
            if (scope.schoolIds().isEmpty()) {
                return new QueuePage(List.of(), filter.page(), filter.size(), 0);
            }
            where.and("t.schoolId in :scope", "scope", scope.schoolIds());
        }
        if (filter.status().isEmpty()) {
            where.and("t.status <> 'CLOSED'");
        }
        where.andIf(filter.status(), "t.status = :status", "status")
                .andIf(filter.urgency(), "t.urgency = :urgency", "urgency")
                .andIf(filter.school(), "t.schoolId = :school", "school")
                .andIf(filter.category(), "t.category = :category", "category");
        if (filter.overdueOnly()) {
            where.and("t.acknowledgedAt is null and t.ackDeadline < :now", "now", now);
        }
        var entityManager = Panache.getEntityManager();
        TypedQuery<Object[]> rows = entityManager.createQuery("select t.id, t.reference, t.schoolId, s.name, t.category, "
                + "t.urgency, t.status, t.submittedAt, t.ackDeadline, t.acknowledgedAt, "
                + "(select count(m) from TipMessage m where m.tipId = t.id and m.direction = 'FROM_REPORTER' and m.readAt is null) "
                + "from Tip t "
                + "left join School s on s.id = t.schoolId where " + where.clause()
                + " order by case when t.urgency = 'LIFE_SAFETY' then 0 else 1 end, t.submittedAt, t.id", Object[].class);
        TypedQuery<Long> count = entityManager.createQuery("select count(t) from Tip t where " + where.clause(), Long.class);
        where.parameters().forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        int first = filter.page() * filter.size();
        List<QueueItem> items = rows.setFirstResult(first).setMaxResults(filter.size())
                .getResultList().stream().map(row -> item(row, now)).toList();
        // A page that is neither full nor past the end is the last one: it tells the total without a count.
        boolean lastPage = items.size() < filter.size() && (!items.isEmpty() || filter.page() == 0);
        return new QueuePage(items, filter.page(), filter.size(), lastPage ? first + items.size() : count.getSingleResult());
    }

    private static QueueItem item(Object[] row, Instant now) {
        Instant submittedAt = (Instant) row[7];
        Instant deadline = (Instant) row[8];
        boolean overdue = row[9] == null && deadline.isBefore(now);
        return new QueueItem((UUID) row[0], (String) row[1], (UUID) row[2], (String) row[3], (String) row[4],
                (String) row[5], (String) row[6], submittedAt, Duration.between(submittedAt, now).toSeconds(), deadline,
                overdue, ((Number) row[10]).intValue());
    }
}
