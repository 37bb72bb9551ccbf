package org.tipline.signin;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tipline.auth.AuthSettings;
import org.tipline.directory.Staff;
import org.tipline.platform.limits.Backoff;

/**
 * Recent failed sign-ins per email (known or not, so that the answer does not tell them apart), and the
 * growing delay they earn: {@code failureDelay x 2^(failures - 1)}, at most {@code maxFailureDelay}.
 * In memory and forgotten after a quiet quarter hour: a delay, never a lockout someone could aim at a colleague.
 * One attempt per email is under way at a time, so that parallel guesses cannot all wait out one delay together.
 */
@ApplicationScoped
class FailedSignIns {

    private static final Duration FORGET_AFTER = Duration.ofMinutes(15);

    private record Failures(int count, Instant last) {
    }

    private final ConcurrentHashMap<String, Failures> byEmail = new ConcurrentHashMap<>();
    private final Set<String> underWay = ConcurrentHashMap.newKeySet();
    private final AuthSettings settings;
    private final Clock clock;

    FailedSignIns(AuthSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts an attempt for this email; refused (429) while another one is under way. End it with {@link #end}. */
    void begin(String email) {
        if (!underWay.add(key(email))) {
            throw new SignInUnderWayException((int) Math.max(1, (delayFor(email).toMillis() + 999) / 1000));
        }
    }

    void end(String email) {
        underWay.remove(key(email));
    }

    Duration delayFor(String email) {
        Failures failures = byEmail.get(key(email));
        if (failures == null || failures.last().plus(FORGET_AFTER).isBefore(clock.instant())) {
            return Duration.ZERO;
        }
        return Backoff.from(settings.failureDelay(), settings.maxFailureDelay()).after(failures.count());
    }

    void failed(String email) {
        Instant now = clock.instant();
        byEmail.merge(key(email), new Failures(1, now), (old, fresh) -> new Failures(old.count() + 1, now));
        if (byEmail.size() > 100_000) {
            byEmail.entrySet().removeIf(entry -> entry.getValue().last().plus(FORGET_AFTER).isBefore(now));
        }
    }

    void succeeded(String email) {
        byEmail.remove(key(email));
    }

    private static String key(String email) {
        return Staff.normalizedEmail(email);
    }
}
