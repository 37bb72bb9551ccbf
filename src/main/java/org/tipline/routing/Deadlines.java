package org.tipline.routing;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.tipline.directory.District;
import org.tipline.tip.Urgency;

/**
 * Acknowledgement deadlines (DESIGN 4): minutes for life-safety tips; the end of the district's next
 * business day for the rest (Monday to Friday, the district's business hours, in its time zone).
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
        LocalDate day = LocalDate.ofInstant(submittedAt, zone).plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day.atTime(district.businessDayEnd).atZone(zone).toInstant();
    }
}
