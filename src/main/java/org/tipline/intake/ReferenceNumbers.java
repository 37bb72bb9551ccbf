package org.tipline.intake;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hands out public references {@code T-YYYY-NNNNNN}, numbered from 1 each year. The counter row is
 * updated in the tip's transaction, so a rolled-back tip leaves no gap and no number is used twice.
 */
@ApplicationScoped
class ReferenceNumbers {

    String next(int year) {
        Number number = (Number) Panache.getEntityManager().createNativeQuery("""
                insert into tip_reference_counter (year, last_number) values (?1, 1)
                on conflict (year) do update set last_number = tip_reference_counter.last_number + 1
                returning last_number""")
                .setParameter(1, year)
                .getSingleResult();
        return "T-%d-%06d".formatted(year, number.longValue());
    }
}
