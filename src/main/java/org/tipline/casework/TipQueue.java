package org.tipline.casework;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tipline.auth.StaffScope;

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

    @Transactional
    public QueuePage page(StaffScope scope, QueueFilter filter) {
        Instant now = clock.instant();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (!scope.seesEverything()) {
            if (scope.schoolIds().isEmpty()) {
                return new QueuePage(List.of(), filter.page(), filter.size(), 0);
            }
            where.append(" and t.schoolId in :scope");
            parameters.put("scope", scope.schoolIds());
        }
        filter.status().ifPresentOrElse(status -> {
            where.append(" and t.status = :status");
            parameters.put("status", status);
        }, () -> where.append(" and t.status <> 'CLOSED'"));
        filter.urgency().ifPresent(urgency -> {
            where.append(" and t.urgency = :urgency");
            parameters.put("urgency", urgency);
        });
        filter.school().ifPresent(school -> {
            where.append(" and t.schoolId = :school");
            parameters.put("school", school);
        });
        filter.category().ifPresent(category -> {
            where.append(" and t.category = :category");
            parameters.put("category", category);
        });
        if (filter.overdueOnly()) {
            where.append(" and t.acknowledgedAt is null and t.ackDeadline < :now");
            parameters.put("now", now);
        }
        var entityManager = Panache.getEntityManager();
        TypedQuery<Object[]> rows = entityManager.createQuery("select t.id, t.reference, t.schoolId, s.name, t.category, "
                + "t.urgency, t.status, t.submittedAt, t.ackDeadline, t.acknowledgedAt, "
                + "(select count(m) from TipMessage m where m.tipId = t.id and m.direction = 'FROM_REPORTER' and m.readAt is null) "
                + "from Tip t "
                + "left join School s on s.id = t.schoolId" + where
                + " order by case when t.urgency = 'LIFE_SAFETY' then 0 else 1 end, t.submittedAt, t.id", Object[].class);
        TypedQuery<Long> count = entityManager.createQuery("select count(t) from Tip t" + where, Long.class);
        parameters.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<QueueItem> items = rows.setFirstResult(filter.page() * filter.size()).setMaxResults(filter.size())
                .getResultList().stream().map(row -> item(row, now)).toList();
        return new QueuePage(items, filter.page(), filter.size(), count.getSingleResult());
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
