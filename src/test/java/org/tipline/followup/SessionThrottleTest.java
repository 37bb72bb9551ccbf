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

    static FollowupSettings settings() {
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

            public int maxTrackedClients() {
                return 1000;
            }
        };
        return new FollowupSettings() {
            public Duration tokenLifetime() {
                return Duration.ofMinutes(30);
            }

            public Duration dpopProofLifetime() {
                return Duration.ofSeconds(60);
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
        SessionThrottle throttle = new SessionThrottle(new HandClock(), settings());
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
        SessionThrottle throttle = new SessionThrottle(clock, settings());
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
        SessionThrottle throttle = new SessionThrottle(new HandClock(), settings());
        throttle.begin("192.0.2.1");
        assertThatThrownBy(() -> throttle.begin("192.0.2.1")).isInstanceOf(TooManyAttemptsException.class);
        assertThatCode(() -> throttle.begin("192.0.2.2")).doesNotThrowAnyException();
        throttle.finish("192.0.2.1", SessionThrottle.Outcome.UNCHECKED);
        assertThatCode(() -> throttle.begin("192.0.2.1")).as("an unchecked attempt is not a failure")
                .doesNotThrowAnyException();
    }

    @Test
    void shouldNeverMakeAClientWaitForOthersFailures() {
        SessionThrottle throttle = new SessionThrottle(new HandClock(), settings());
        for (int i = 0; i < 330; i++) {
            String guesser = "198.51.100." + (i % 200);
            throttle.begin(guesser);
            throttle.finish(guesser, SessionThrottle.Outcome.WRONG);
        }
        assertThatCode(() -> throttle.begin("192.0.2.99")).doesNotThrowAnyException();
    }

    @Test
    void shouldForgetYesterdaysFailuresWithYesterdaysSalt() {
        HandClock clock = new HandClock();
        clock.now = Instant.parse("2026-11-29T23:59:50Z");
        SessionThrottle throttle = new SessionThrottle(clock, settings());
        for (int i = 0; i < 4; i++) {
            throttle.begin("192.0.2.1");
            throttle.finish("192.0.2.1", SessionThrottle.Outcome.WRONG);
        }
        assertThatThrownBy(() -> throttle.begin("192.0.2.1")).isInstanceOf(TooManyAttemptsException.class);
        clock.now = Instant.parse("2026-11-30T00:00:01Z");
        assertThatCode(() -> throttle.begin("192.0.2.1")).doesNotThrowAnyException();
    }
}
