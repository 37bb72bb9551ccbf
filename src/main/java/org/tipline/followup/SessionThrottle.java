package org.tipline.followup;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.tipline.platform.ClientTable;

/**
 * Slows down case-code guessing (DESIGN 6) without a lockout that an attacker could aim at a victim:
 * the wait grows per client (a daily-salted key of its address, in memory only, see {@link ClientTable})
 * and for everyone together when wrong codes come from many places at once. The case itself is never
 * locked: the right code works as soon as the client's wait is over.
 *
 * <p>Only failures count. A right code does not reset the count, or one known code would let a guesser
 * start afresh after every few guesses.
 */
@ApplicationScoped
class SessionThrottle {

    private final Clock clock;
    private final FollowupSettings.Throttle settings;
    private final ClientTable<Failures> clients;
    private long globalMinute;
    private int globalFailures;

    SessionThrottle(Clock clock, FollowupSettings settings) {
        this.clock = clock;
        this.settings = settings.throttle();
        this.clients = new ClientTable<>(clock, this.settings.maxTrackedClients());
    }

    /** A client's failure count and how long it must wait. */
    private record Failures(int count, Instant waitUntil) {
    }

    /** Throws {@link TooManyAttemptsException} when this client, or everyone, has to wait before trying a code. */
    void checkAllowed(String address) {
        Instant now = clock.instant();
        Failures failures = clients.get(address);
        if (failures != null && failures.waitUntil().isAfter(now)) {
            throw new TooManyAttemptsException(secondsUntil(now, failures.waitUntil()));
        }
        synchronized (this) {
            if (minuteOf(now) == globalMinute && globalFailures >= settings.globalFailuresPerMinute()) {
                throw new TooManyAttemptsException(secondsUntil(now, Instant.ofEpochSecond((globalMinute + 1) * 60)));
            }
        }
    }

    /** Counts a wrong code against the client and against everyone. */
    void recordFailure(String address) {
        Instant now = clock.instant();
        clients.update(address, (key, previous) -> {
            int count = previous == null ? 1 : previous.count() + 1;
            return new Failures(count, now.plus(waitAfter(count)));
        }, failures -> !failures.waitUntil().isAfter(now));
        synchronized (this) {
            long minute = minuteOf(now);
            if (minute != globalMinute) {
                globalMinute = minute;
                globalFailures = 0;
            }
            globalFailures++;
        }
    }

    /** Nothing for the free failures, then the first delay, doubling up to the longest. */
    Duration waitAfter(int failures) {
        int beyondFree = failures - settings.freeFailures();
        if (beyondFree <= 0) {
            return Duration.ZERO;
        }
        Duration wait = settings.firstDelay().multipliedBy(1L << Math.min(beyondFree - 1, 30));
        return wait.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : wait;
    }

    private static long minuteOf(Instant instant) {
        return instant.getEpochSecond() / 60;
    }

    private static long secondsUntil(Instant now, Instant then) {
        return Math.max(1, (now.until(then, ChronoUnit.MILLIS) + 999) / 1000);
    }
}
