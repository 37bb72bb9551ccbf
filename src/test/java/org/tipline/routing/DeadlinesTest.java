package org.tipline.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tipline.directory.District;
import org.tipline.tip.Urgency;

class DeadlinesTest {

    private static final RoutingSettings SETTINGS = new RoutingSettings() {
        @Override
        public String analystDeskEmail() {
            return "desk@test";
        }

        @Override
        public Duration lifeSafetyAckWindow() {
            return Duration.ofMinutes(15);
        }

        @Override
        public Duration deskAckWindow() {
            return Duration.ofHours(4);
        }

        @Override
        public Duration escalationRepeat() {
            return Duration.ofMinutes(15);
        }

        @Override
        public Duration escalationCheckInterval() {
            return Duration.ofSeconds(30);
        }

        @Override
        public java.util.List<String> callDown() {
            return java.util.List.of("SRO@0m");
        }

        @Override
        public java.util.Optional<String> analystDeskMobile() {
            return java.util.Optional.empty();
        }

        @Override
        public Duration callDownCheckInterval() {
            return Duration.ofSeconds(15);
        }
    };

    private final Deadlines deadlines = new Deadlines(SETTINGS);

    private static District denver() {
        District district = new District();
        district.timeZone = "America/Denver";
        district.businessDayStart = LocalTime.of(7, 30);
        district.businessDayEnd = LocalTime.of(16, 30);
        return district;
    }

    @Test
    void shouldGiveLifeSafetyTipsFifteenMinutesDayAndNight() {
        Instant saturdayNight = Instant.parse("2026-11-29T06:00:00Z");

        assertThat(deadlines.acknowledgeBy(Urgency.LIFE_SAFETY, denver(), saturdayNight))
                .isEqualTo(saturdayNight.plus(Duration.ofMinutes(15)));
    }

    @Test
    void shouldGiveOtherTipsUntilTheEndOfTheNextBusinessDayInTheDistrictsZone() {
        // Tuesday 10:00 in Denver (17:00 UTC) -> Wednesday 16:30 Denver (23:30 UTC).
        assertThat(deadlines.acknowledgeBy(Urgency.STANDARD, denver(), Instant.parse("2026-12-01T17:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-02T23:30:00Z"));
        // Friday 15:00 Denver -> Monday 16:30.
        assertThat(deadlines.acknowledgeBy(Urgency.STANDARD, denver(), Instant.parse("2026-12-04T22:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-07T23:30:00Z"));
        // Friday 23:00 in Denver is already Saturday in UTC: still Monday.
        assertThat(deadlines.acknowledgeBy(Urgency.STANDARD, denver(), Instant.parse("2026-12-05T06:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-07T23:30:00Z"));
        // Sunday -> Monday.
        assertThat(deadlines.acknowledgeBy(Urgency.STANDARD, denver(), Instant.parse("2026-12-06T18:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-07T23:30:00Z"));
    }

    @Test
    void shouldSkipTheDistrictsHolidays() {
        District district = denver();
        // Thanksgiving and the Friday after it, 2026.
        district.holidays.addAll(Set.of(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 11, 27)));

        // Wednesday 10:00 Denver -> not Thursday, Friday or the weekend: Monday 16:30.
        assertThat(deadlines.acknowledgeBy(Urgency.STANDARD, district, Instant.parse("2026-11-25T17:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-30T23:30:00Z"));
        // Tuesday 10:00 -> Wednesday, which is no holiday.
        assertThat(deadlines.acknowledgeBy(Urgency.STANDARD, district, Instant.parse("2026-11-24T17:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-25T23:30:00Z"));
        // A holiday of another year is no holiday this year.
        district.holidays.add(LocalDate.of(2025, 12, 2));
        assertThat(deadlines.acknowledgeBy(Urgency.STANDARD, district, Instant.parse("2026-12-01T17:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-02T23:30:00Z"));
    }

    @Test
    void shouldFollowTheDistrictsBusinessDays() {
        District district = denver();
        district.businessDaySet(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY));

        // Four-day week: Thursday 10:00 -> not Friday: Monday 16:30.
        assertThat(deadlines.acknowledgeBy(Urgency.STANDARD, district, Instant.parse("2026-12-03T17:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-07T23:30:00Z"));

        district.businessDaySet(EnumSet.of(DayOfWeek.SATURDAY));
        // Only Saturdays: Saturday 10:00 -> the next Saturday.
        assertThat(deadlines.acknowledgeBy(Urgency.STANDARD, district, Instant.parse("2026-12-05T17:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-12T23:30:00Z"));
    }

    @Test
    void shouldGiveATipThatArrivesBeforeTheHoursBeginThatWholeDay() {
        District district = denver();
        district.businessDayStart = LocalTime.of(8, 0);
        district.businessDayEnd = LocalTime.of(15, 0);

        // Tuesday 06:00 Denver, before 08:00 -> Tuesday 15:00 (22:00 UTC).
        assertThat(deadlines.acknowledgeBy(Urgency.STANDARD, district, Instant.parse("2026-12-01T13:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-01T22:00:00Z"));
        // Tuesday 08:00 sharp: the day has begun -> Wednesday 15:00.
        assertThat(deadlines.acknowledgeBy(Urgency.STANDARD, district, Instant.parse("2026-12-01T15:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-02T22:00:00Z"));
        // Saturday 06:00 -> Monday 15:00.
        assertThat(deadlines.acknowledgeBy(Urgency.STANDARD, district, Instant.parse("2026-12-05T13:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-07T22:00:00Z"));
        // Before the hours of a holiday: not that day.
        district.holidays.add(LocalDate.of(2026, 12, 1));
        assertThat(deadlines.acknowledgeBy(Urgency.STANDARD, district, Instant.parse("2026-12-01T13:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-02T22:00:00Z"));
    }

    @Test
    void shouldKeepTheEndOfTheBusinessDayAcrossDaylightSavingTime() {
        // Friday 2027-03-12 10:00 MST -> Monday 2027-03-15 16:30 MDT (22:30 UTC, not 23:30).
        assertThat(deadlines.acknowledgeBy(Urgency.STANDARD, denver(), Instant.parse("2027-03-12T17:00:00Z")))
                .isEqualTo(Instant.parse("2027-03-15T22:30:00Z"));
    }

    @Test
    void shouldGiveTheAnalystDeskItsOwnWindowForTipsWithoutASchool() {
        Instant now = Instant.parse("2026-12-05T06:00:00Z");

        assertThat(deadlines.acknowledgeBy(Urgency.STANDARD, null, now)).isEqualTo(now.plus(Duration.ofHours(4)));
    }
}
