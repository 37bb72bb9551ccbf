package org.tipline.intake;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.tipline.tip.TipReference;

/**
 * Hands out public references {@code T-YYYY-NNNNNN}, numbered from 1 each year: NNNNNN = a value of the sequence
 * {@code tip_reference_sequence} minus the year's base, set by the year's first tip. A sequence takes no lock, so
 * tips do not wait for each other's commit (a counter row updated in every tip's transaction made intake one tip at a
 * time). Numbers are unique and rise within a year; a tip whose transaction fails leaves its number unused.
 */
@ApplicationScoped
class ReferenceNumbers {

    String next(int year) {
        EntityManager entities = Panache.getEntityManager();
        for (;;) {
            long value = ((Number) entities.createNativeQuery("select nextval('tip_reference_sequence')").getSingleResult())
                    .longValue();
            Optional<Long> known = base(entities, year);
            if (known.isEmpty()) {
                // The year's first tip sets the base just below its own value, in a transaction of its own, so that no
                // tip's transaction holds the year's row while it does its other work. Two first tips at once: one base
                // wins, and a value at or below it is drawn again (the sequence only rises, so the next one is above).
                QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery(
                        "insert into tip_reference_counter (year, sequence_base) values (?1, ?2) on conflict (year) do nothing")
                        .setParameter(1, year).setParameter(2, value - 1).executeUpdate());
            }
            long base = known.or(() -> base(entities, year)).orElseThrow();
            if (value > base) {
                return TipReference.of(year, value - base);
            }
        }
    }

    private static Optional<Long> base(EntityManager entities, int year) {
        List<?> found = entities.createNativeQuery("select sequence_base from tip_reference_counter where year = ?1")
                .setParameter(1, year).getResultList();
        return found.isEmpty() ? Optional.empty() : Optional.of(((Number) found.get(0)).longValue());
    }
}
