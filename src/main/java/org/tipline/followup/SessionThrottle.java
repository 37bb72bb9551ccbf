package org.tipline.followup;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.tipline.platform.limits.Backoff;
import org.tipline.platform.limits.ClientTable;

/**
 * Slows down case-code guessing (DESIGN 6) without a lockout that an attacker could aim at a victim:
 * the wait grows per client (a daily-salted key of its address, in memory only, see {@link ClientTable}).
 * Nothing here makes everyone wait: a right code is never refused because of others' failures; a guessing wave
 * from many places raises the follow-up proof of work instead ({@code abuse.ProofOfWork}).
 *
 * <p>Only failures count. A right code does not reset the count, or one known code would let a guesser
 * start afresh after every few guesses.
 */
@ApplicationScoped
class SessionThrottle {

    private final Clock clock;
    private final FollowupSettings.Throttle settings;
    private final ClientTable<Failures> clients;

    SessionThrottle(Clock clock, FollowupSettings settings) {
        this.clock = clock;
        this.settings = settings.throttle();
        this.clients = new ClientTable<>(clock, this.settings.maxTrackedClients());
    }

    /** A client's failure count, how long it must wait, and whether one of its attempts is under way. */
    private record Failures(int count, Instant waitUntil, boolean attempting) {

        boolean stale(Instant now) {
            return !attempting && !waitUntil.isAfter(now);
        }
    }

    /**
     * Starts an attempt, or throws {@link TooManyAttemptsException} when this client has to wait.
     * A client has one attempt under way at a time: parallel guesses would otherwise all pass before the
     * first failure is counted.
     */
    void begin(String address) {
        Instant now = clock.instant();
        clients.update(address, (key, previous) -> {
            if (previous == null) {
                return new Failures(0, now, true);
            }
            if (previous.waitUntil().isAfter(now)) {
                throw new TooManyAttemptsException(secondsUntil(now, previous.waitUntil()));
            }
            if (previous.attempting()) {
                throw new TooManyAttemptsException(1);
            }
            return new Failures(previous.count(), previous.waitUntil(), true);
        }, failures -> failures.stale(now));
    }

    /** How an attempt ended: only a code that was checked and matched nothing counts as a failure. */
    enum Outcome {
        RECOGNIZED,
        WRONG,
        /** Not checked at all, e.g. because the hashing gate was full: not the client's guess to count. */
        UNCHECKED
    }

    /** Ends the client's attempt; a wrong code counts against the client. */
    void finish(String address, Outcome outcome) {
        Instant now = clock.instant();
        boolean wrong = outcome == Outcome.WRONG;
        clients.update(address, (key, previous) -> {
            int count = (previous == null ? 0 : previous.count()) + (wrong ? 1 : 0);
            Instant waitUntil = wrong ? now.plus(waitAfter(count)) : previous == null ? now : previous.waitUntil();
            return new Failures(count, waitUntil, false);
        }, failures -> failures.stale(now));
    }

    /** Nothing for the free failures, then the first delay, doubling up to the longest. */
    Duration waitAfter(int failures) {
        return new Backoff(settings.firstDelay(), settings.maxDelay(), settings.freeFailures()).after(failures);
    }

    private static long secondsUntil(Instant now, Instant then) {
        return Math.max(1, (now.until(then, ChronoUnit.MILLIS) + 999) / 1000);
    }
}
