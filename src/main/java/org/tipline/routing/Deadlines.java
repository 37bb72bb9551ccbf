package org.tipline.routing;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.tipline.directory.District;
import org.tipline.tip.Urgency;

/**
 * Acknowledgement deadlines (DESIGN 4): minutes for life-safety tips; for the rest, the end of the district's next
 * business day in its time zone: the first day that is one of its business days and not a holiday and whose business
 * hours begin after the tip arrived, at the end of those hours.
 */
@ApplicationScoped
public class Deadlines {

    private final RoutingSettings settings;

    Deadlines(RoutingSettings settings) {
        this.settings = settings;
    }

    public Instant acknowledgeBy(Urgency urgency, District district, Instant submittedAt) {
        if (urgency == Urgency.LIFE_SAFETY) {
            return submittedAt.plus(settings.lifeSafetyAckWindow());
        }
        if (district == null) {
            return submittedAt.plus(settings.deskAckWindow());
        }
        ZoneId zone = ZoneId.of(district.timeZone);
        ZonedDateTime arrived = submittedAt.atZone(zone);
        // A tip that arrives before the day's hours begin gets that whole day; one that arrives later, the next.
        LocalDate day = arrived.toLocalTime().isBefore(district.businessDayStart) ? arrived.toLocalDate()
                : arrived.toLocalDate().plusDays(1);
        Set<DayOfWeek> businessDays = district.businessDaySet();
        // Ends: business days are never empty, and holidays are finite.
        while (!businessDays.contains(day.getDayOfWeek()) || district.holidays.contains(day)) {
            day = day.plusDays(1);
        }
        return day.atTime(district.businessDayEnd).atZone(zone).toInstant();
    }
}
