package org.tipline.retention;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tipline.directory.Category;
import org.tipline.directory.DirectorySettings;
import org.tipline.directory.School;
import org.tipline.platform.InvalidFieldException;
import org.tipline.tip.Tip;

/**
 * The retention policy in force for a district (its own, else the configured default) and what it means for one
 * tip. Callers bring the transaction.
 */
@ApplicationScoped
public class RetentionPolicies {

    /** The longest period anyone may set: a hundred years. */
    public static final int MAX_DAYS = 36500;

    private final RetentionSettings settings;
    private final Clock clock;
    private final ZoneId tiplineZone;

    RetentionPolicies(RetentionSettings settings, Clock clock, DirectorySettings directory) {
        this.settings = settings;
        this.clock = clock;
        this.tiplineZone = directory.timeZone();
    }

    /** A policy as it applies: {@code own} when the district set it, else the configured default. */
    public record Effective(boolean own, int daysAfterClose, int reviewAfterDays, Map<Category, Integer> categoryDays) {

        /** Days after closing for a tip of this category: its own longer period, else the policy's. */
        int daysFor(Category category, int minimumDays) {
            return Math.max(minimumDays, categoryDays.getOrDefault(category, daysAfterClose));
        }
    }

    public int minimumDays() {
        return settings.minimumDays();
    }

    /** The policy of a district; null (tips without a school) gets the default. */
    public Effective of(UUID districtId) {
        RetentionPolicy own = districtId == null ? null : RetentionPolicy.findById(districtId);
        if (own == null) {
            return new Effective(false, Math.max(settings.defaultDays(), settings.minimumDays()), settings.reviewAfterDays(),
                    Map.of());
        }
        return new Effective(true, own.daysAfterClose, own.reviewAfterDays, Map.copyOf(own.categoryDays));
    }

    /**
     * Replaces a district's policy. Refuses, naming the field, a period below the configured minimum or above
     * {@link #MAX_DAYS}, and a category period shorter than the district's own.
     */
    public Effective replace(UUID districtId, int daysAfterClose, int reviewAfterDays, Map<Category, Integer> categoryDays) {
        requireDays("daysAfterClose", daysAfterClose, settings.minimumDays());
        requireDays("reviewAfterDays", reviewAfterDays, 1);
        categoryDays.forEach((category, days) -> requireDays("categories." + category, days, daysAfterClose));
        RetentionPolicy found = RetentionPolicy.findById(districtId);
        RetentionPolicy policy = found != null ? found : new RetentionPolicy();
        policy.districtId = districtId;
        policy.daysAfterClose = daysAfterClose;
        policy.reviewAfterDays = reviewAfterDays;
        policy.categoryDays.clear();
        policy.categoryDays.putAll(categoryDays);
        policy.changedAt = clock.instant();
        if (found == null) {
            policy.persist();
        }
        return of(districtId);
    }

    private static void requireDays(String field, int days, int atLeast) {
        if (days < atLeast || days > MAX_DAYS) {
            throw new InvalidFieldException(field, "must be between " + atLeast + " and " + MAX_DAYS + " days");
        }
    }

    /** When a closed tip's content falls due for shredding, whether or not a hold keeps it; empty while open. */
    public Optional<Instant> shreddingDue(Tip tip) {
        if (tip.closedAt() == null || tip.shredded()) {
            return Optional.empty();
        }
        int days = of(districtOf(tip)).daysFor(tip.category(), settings.minimumDays());
        return Optional.of(tip.closedAt().plus(Duration.ofDays(days)));
    }

    /** Where the tip stands with retention, for the case file. */
    public TipRetention viewOf(Tip tip) {
        LegalHold hold = LegalHold.findById(tip.id());
        Instant flagged = (Instant) Panache.getEntityManager()
                .createNativeQuery("select retention_flagged_at from tip where id = :tip", Instant.class)
                .setParameter("tip", tip.id()).getSingleResult();
        LocalDate due = hold == null ? shreddingDue(tip).map(at -> dayOf(tip, at)).orElse(null) : null;
        return new TipRetention(tip.shreddedAt(), due, flagged, TipRetention.Hold.of(hold));
    }

    /**
     * What the reporter is told: the day from which a closed tip's conversation is deleted. Empty while it is open,
     * once it is deleted, and while a legal hold keeps it (the day would not hold; the hold itself is not told).
     */
    public Optional<LocalDate> deletionDay(Tip tip) {
        if (LegalHold.findById(tip.id()) != null) {
            return Optional.empty();
        }
        return shreddingDue(tip).map(at -> dayOf(tip, at));
    }

    /** The day (in the tip's district's zone, or the tip line's for tips without a school) on which {@code at} falls. */
    public LocalDate dayOf(Tip tip, Instant at) {
        School school = tip.schoolId() == null ? null : School.findById(tip.schoolId());
        ZoneId zone = school == null ? tiplineZone : ZoneId.of(school.district.timeZone);
        return LocalDate.ofInstant(at, zone);
    }

    private static UUID districtOf(Tip tip) {
        School school = tip.schoolId() == null ? null : School.findById(tip.schoolId());
        return school == null ? null : school.district.id;
    }
}
