package org.tipline.signin;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.tipline.auth.AuthSettings;
import org.tipline.crypto.ServerSecrets;
import org.tipline.directory.Staff;
import org.tipline.platform.limits.Backoff;

/**
 * Recent failed sign-ins per email (known or not, so that the answer does not tell them apart), and the
 * growing delay they earn: {@code failureDelay x 2^(failures - 1)}, at most {@code maxFailureDelay}.
 * Forgotten after a quiet quarter hour: a delay, never a lockout someone could aim at a colleague.
 * One attempt per email is under way at a time, so that parallel guesses cannot all wait out one delay together.
 *
 * <p>Kept in PostgreSQL (table {@code sign_in_failure}, migration V11), so that both hold across replicas, under a
 * keyed hash of the email: the database never collects the addresses people type. Each step is one statement in a
 * short transaction of its own, so no connection is held while a password is hashed or a delay is slept.
 */
@ApplicationScoped
class FailedSignIns {

    private static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    /** Beyond the longest delay: time to wait for the hashing gate, hash and answer. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
    private static final String KEY_PURPOSE = "sign-in-failures-v1";

    private final AuthSettings settings;
    private final ServerSecrets secrets;
    private final Clock clock;

    FailedSignIns(AuthSettings settings, ServerSecrets secrets, Clock clock) {
        this.settings = settings;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * Starts an attempt for this email; refused (429) while another one is under way. Returns the attempt's lease, to
     * hand to {@link #end}. A lease left by a crashed replica runs out by itself.
     */
    Instant begin(String email) {
        Instant now = now();
        Instant leaseEnd = now.plus(settings.maxFailureDelay()).plus(LEASE_MARGIN);
        boolean claimed = QuarkusTransaction.requiringNew().call(() -> !sql("""
                insert into sign_in_failure (email_key, attempt_until) values (?1, ?2)
                on conflict (email_key) do update set attempt_until = excluded.attempt_until
                where sign_in_failure.attempt_until is null or sign_in_failure.attempt_until <= ?3
                returning 1""", key(email), leaseEnd, now).getResultList().isEmpty());
        if (!claimed) {
            throw new SignInUnderWayException((int) Math.max(1, (delayFor(email).toMillis() + 999) / 1000));
        }
        return leaseEnd;
    }

    /** Ends the attempt that holds {@code lease}; a newer attempt, begun after that lease ran out, keeps its own. */
    void end(String email, Instant lease) {
        QuarkusTransaction.requiringNew().call(() -> sql(
                "update sign_in_failure set attempt_until = null where email_key = ?1 and attempt_until = ?2",
                key(email), lease).executeUpdate());
    }

    Duration delayFor(String email) {
        List<?> failures = QuarkusTransaction.requiringNew().call(() -> sql(
                "select failures from sign_in_failure where email_key = ?1 and last_failure_at >= ?2",
                key(email), now().minus(FORGET_AFTER)).getResultList());
        int count = failures.isEmpty() ? 0 : ((Number) failures.get(0)).intValue();
        return Backoff.from(settings.failureDelay(), settings.maxFailureDelay()).after(count);
    }

    void failed(String email) {
        Instant now = now();
        QuarkusTransaction.requiringNew().call(() -> sql("""
                insert into sign_in_failure (email_key, failures, last_failure_at) values (?1, 1, ?2)
                on conflict (email_key) do update set last_failure_at = excluded.last_failure_at,
                    failures = case when sign_in_failure.last_failure_at >= ?3
                        then sign_in_failure.failures + 1 else 1 end""",
                key(email), now, now.minus(FORGET_AFTER)).executeUpdate());
    }

    void succeeded(String email) {
        QuarkusTransaction.requiringNew().call(() -> sql("delete from sign_in_failure where email_key = ?1", key(email))
                .executeUpdate());
    }

    /** Deletes what is forgotten anyway (quiet for a quarter hour, no attempt under way), so that rows do not pile up. */
    @Scheduled(every = "${tipline.auth.failure-cleanup-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetQuiet() {
        Instant now = now();
        QuarkusTransaction.requiringNew().call(() -> sql("""
                delete from sign_in_failure where (attempt_until is null or attempt_until <= ?1)
                and (last_failure_at is null or last_failure_at < ?2)""", now, now.minus(FORGET_AFTER)).executeUpdate());
    }

    /** Microseconds, as PostgreSQL stores them, so that {@link #end} finds the lease that {@link #begin} wrote. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private byte[] key(String email) {
        return secrets.keyedHash(KEY_PURPOSE, Staff.normalizedEmail(email).getBytes(StandardCharsets.UTF_8));
    }

    private static Query sql(String statement, Object... parameters) {
        Query query = Panache.getEntityManager().createNativeQuery(statement);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
