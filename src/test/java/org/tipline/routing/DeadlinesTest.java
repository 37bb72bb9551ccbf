package org.tipline.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
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
    void shouldGiveTheAnalystDeskItsOwnWindowForTipsWithoutASchool() {
        Instant now = Instant.parse("2026-12-05T06:00:00Z");

        assertThat(deadlines.acknowledgeBy(Urgency.STANDARD, null, now)).isEqualTo(now.plus(Duration.ofHours(4)));
    }
}
