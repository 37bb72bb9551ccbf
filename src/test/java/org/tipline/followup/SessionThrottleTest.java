package org.tipline.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionThrottleTest {

    /** A clock the test moves by hand. */
    public static final class HandClock extends Clock {
        public Instant now = Instant.parse("2026-11-29T10:00:30Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    static FollowupSettings settings(int globalPerMinute) {
        FollowupSettings.Throttle throttle = new FollowupSettings.Throttle() {
            public int freeFailures() {
                return 3;
            }

            public Duration firstDelay() {
                return Duration.ofSeconds(2);
            }

            public Duration maxDelay() {
                return Duration.ofSeconds(10);
            }

            public int globalFailuresPerMinute() {
                return globalPerMinute;
            }

            public int maxTrackedClients() {
                return 1000;
            }
        };
        return new FollowupSettings() {
            public Duration tokenLifetime() {
                return Duration.ofMinutes(30);
            }

            public Duration replyWindowAfterClose() {
                return Duration.ofDays(30);
            }

            public int maxMessagesPerHour() {
                return 20;
            }

            public Throttle throttle() {
                return throttle;
            }
        };
    }

    @Test
    void shouldGrowTheWaitFromTheFirstFailureBeyondTheFreeOnesUpToTheLongest() {
        SessionThrottle throttle = new SessionThrottle(new HandClock(), settings(1000));
        assertThat(throttle.waitAfter(1)).isZero();
        assertThat(throttle.waitAfter(3)).isZero();
        assertThat(throttle.waitAfter(4)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.waitAfter(5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.waitAfter(6)).isEqualTo(Duration.ofSeconds(8));
        assertThat(throttle.waitAfter(7)).isEqualTo(Duration.ofSeconds(10));
        assertThat(throttle.waitAfter(500)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldMakeOneClientWaitAndLetOthersThrough() {
        HandClock clock = new HandClock();
        SessionThrottle throttle = new SessionThrottle(clock, settings(1000));
        for (int i = 0; i < 4; i++) {
            throttle.begin("192.0.2.1");
            throttle.finish("192.0.2.1", SessionThrottle.Outcome.WRONG);
        }
        assertThatThrownBy(() -> throttle.begin("192.0.2.1")).isInstanceOfSatisfying(TooManyAttemptsException.class,
                e -> assertThat(e.retryAfterSeconds()).hasValue(2));
        assertThatCode(() -> throttle.begin("192.0.2.2")).doesNotThrowAnyException();
        clock.now = clock.now.plusSeconds(2);
        assertThatCode(() -> throttle.begin("192.0.2.1")).doesNotThrowAnyException();
        throttle.finish("192.0.2.1", SessionThrottle.Outcome.RECOGNIZED);
        assertThatCode(() -> throttle.begin("192.0.2.1")).as("a right code adds no wait").doesNotThrowAnyException();
    }

    @Test
    void shouldLetAClientHaveOneAttemptUnderWayAtATime() {
        SessionThrottle throttle = new SessionThrottle(new HandClock(), settings(1000));
        throttle.begin("192.0.2.1");
        assertThatThrownBy(() -> throttle.begin("192.0.2.1")).isInstanceOf(TooManyAttemptsException.class);
        assertThatCode(() -> throttle.begin("192.0.2.2")).doesNotThrowAnyException();
        throttle.finish("192.0.2.1", SessionThrottle.Outcome.UNCHECKED);
        assertThatCode(() -> throttle.begin("192.0.2.1")).as("an unchecked attempt is not a failure")
                .doesNotThrowAnyException();
    }

    @Test
    void shouldMakeEveryoneWaitForTheNextMinuteWhenWrongCodesComeFromEverywhere() {
        HandClock clock = new HandClock();
        SessionThrottle throttle = new SessionThrottle(clock, settings(5));
        for (int i = 0; i < 5; i++) {
            throttle.begin("198.51.100." + i);
            throttle.finish("198.51.100." + i, SessionThrottle.Outcome.WRONG);
        }
        assertThatThrownBy(() -> throttle.begin("192.0.2.99")).isInstanceOfSatisfying(TooManyAttemptsException.class,
                e -> assertThat(e.retryAfterSeconds()).hasValue(30));
        clock.now = Instant.parse("2026-11-29T10:01:00Z");
        assertThatCode(() -> throttle.begin("192.0.2.99")).doesNotThrowAnyException();
    }

    @Test
    void shouldForgetYesterdaysFailuresWithYesterdaysSalt() {
        HandClock clock = new HandClock();
        clock.now = Instant.parse("2026-11-29T23:59:50Z");
        SessionThrottle throttle = new SessionThrottle(clock, settings(1000));
        for (int i = 0; i < 4; i++) {
            throttle.begin("192.0.2.1");
            throttle.finish("192.0.2.1", SessionThrottle.Outcome.WRONG);
        }
        assertThatThrownBy(() -> throttle.begin("192.0.2.1")).isInstanceOf(TooManyAttemptsException.class);
        clock.now = Instant.parse("2026-11-30T00:00:01Z");
        assertThatCode(() -> throttle.begin("192.0.2.1")).doesNotThrowAnyException();
    }
}
