package org.tipline.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.tipline.platform.limits.Backoff;

/**
 * Sends what the outbox holds, with retries and exponential backoff, and gives up on a message (a dead
 * letter, counted and logged without content) after {@code maxAttempts}. Each round claims due rows with
 * {@code FOR UPDATE SKIP LOCKED}, so any number of replicas can run it and each mail goes out once.
 */
@ApplicationScoped
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class);

    private final MailSender sender;
    private final NotifySettings settings;
    private final Clock clock;
    private final Counter deadLetters;
    private final Counter sent;

    OutboxWorker(MailSender sender, NotifySettings settings, Clock clock, MeterRegistry metrics) {
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
        this.deadLetters = Counter.builder("tipline.notifications.dead").description("Notifications given up on")
                .register(metrics);
        this.sent = Counter.builder("tipline.notifications.sent").description("Notifications sent").register(metrics);
    }

    @Scheduled(every = "${tipline.notify.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runOnce();
    }

    /** One round: claims the due messages and tries each once. Returns how many were claimed. */
    public int runOnce() {
        return QuarkusTransaction.requiringNew()
                .timeout((int) settings.sendTimeout().multipliedBy(settings.batchSize() + 1L).toSeconds())
                .call(this::sendDue);
    }

    private int sendDue() {
        Instant now = clock.instant();
        List<OutboxMessage> due = OutboxMessage.<OutboxMessage>find("status = ?1 and nextAttemptAt <= ?2 order by nextAttemptAt",
                OutboxMessage.Status.PENDING, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED: another replica has them
                .page(0, settings.batchSize())
                .list();
        for (OutboxMessage message : due) {
            try {
                sender.send(message);
                message.status = OutboxMessage.Status.SENT;
                message.sentAt = clock.instant();
                message.attempts++;
                sent.increment();
            } catch (Exception e) {
                failed(message, e, now);
                // The server is likely down for the rest too: leave them for the next round.
                break;
            }
        }
        return due.size();
    }

    private void failed(OutboxMessage message, Exception e, Instant now) {
        message.attempts++;
        message.lastError = e.getClass().getName();
        if (message.attempts >= settings.maxAttempts()) {
            message.status = OutboxMessage.Status.DEAD;
            deadLetters.increment();
            LOG.errorf("Notification %s (%s) is a dead letter after %d attempts; last error %s", message.id,
                    message.kind, message.attempts, message.lastError);
        } else {
            message.nextAttemptAt = now.plus(backoff(message.attempts));
            LOG.warnf("Notification %s (%s) failed, attempt %d; retrying at %s (%s)", message.id, message.kind,
                    message.attempts, message.nextAttemptAt, message.lastError);
        }
    }

    /** retryBase x 2^(attempts - 1), at most retryMax. */
    Duration backoff(int attempts) {
        return Backoff.from(settings.retryBase(), settings.retryMax()).after(attempts);
    }
}
