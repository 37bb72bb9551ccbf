package org.tipline.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.tipline.platform.limits.Backoff;

/**
 * Drains the outbox: {@code senders} workers in parallel each claim the most urgent due message (life-safety first,
 * then oldest), send it by its channel (mail or SMS) and record the outcome, until nothing is due. Claiming, sending
 * and recording are three steps with no transaction held across the send, so a message is marked sent right after the
 * SMTP server (or the SMS gateway) took it: a crash between those two moments re-sends at most the one message each
 * sender had in hand, with the same Message-ID. Failures are retried with exponential backoff, and a message becomes
 * a dead letter (counted and logged without content) after {@code maxAttempts}. Claims skip locked rows, so any
 * number of replicas can drain at once.
 */
@ApplicationScoped
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class);

    private final MailSender mail;
    private final SmsSender sms;
    private final NotifySettings settings;
    private final Clock clock;
    private final Counter deadLetters;
    private final Counter sent;
    private final ExecutorService senders;

    OutboxWorker(MailSender mail, SmsSender sms, NotifySettings settings, Clock clock, MeterRegistry metrics) {
        this.mail = mail;
        this.sms = sms;
        this.settings = settings;
        this.clock = clock;
        this.deadLetters = Counter.builder("tipline.notifications.dead").description("Notifications given up on")
                .register(metrics);
        this.sent = Counter.builder("tipline.notifications.sent").description("Notifications sent").register(metrics);
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(settings.senders(), task -> {
            Thread thread = new Thread(task, "outbox-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    @Scheduled(every = "${tipline.notify.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runOnce();
    }

    /**
     * Sends everything that is due, until nothing is. A channel that fails (the SMTP server or the SMS gateway) is
     * left alone for the rest of the run, so that an outage does not spend every message's attempts at once, while
     * the other channel goes on: a gateway that is down never holds back a life-safety mail. Returns how many
     * messages were claimed.
     */
    public int runOnce() {
        AtomicInteger claimed = new AtomicInteger();
        Set<OutboxMessage.Channel> failed = ConcurrentHashMap.newKeySet();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < settings.senders(); i++) {
            running.add(senders.submit(() -> drain(claimed, failed)));
        }
        for (Future<?> sender : running) {
            try {
                sender.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                LOG.errorf("An outbox sender stopped: %s", e.getCause().getClass().getName());
            }
        }
        return claimed.get();
    }

    private void drain(AtomicInteger claimed, Set<OutboxMessage.Channel> failed) {
        while (true) {
            EnumSet<OutboxMessage.Channel> working = EnumSet.allOf(OutboxMessage.Channel.class);
            working.removeAll(failed);
            if (working.isEmpty()) {
                return;
            }
            Optional<OutboxMessage> next = claimNext(working);
            if (next.isEmpty()) {
                return;
            }
            claimed.incrementAndGet();
            if (!deliver(next.get())) {
                failed.add(next.get().channel);
            }
        }
    }

    private Optional<OutboxMessage> claimNext(Set<OutboxMessage.Channel> channels) {
        Instant now = clock.instant();
        // Longer than any send may take, so that a message is never sent by two workers at once.
        Instant leaseEnd = now.plus(settings.sendTimeout().multipliedBy(2));
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.claimNext(now, leaseEnd, channels));
    }

    /** Sends one claimed message and records how it went; false when its channel failed. */
    private boolean deliver(OutboxMessage message) {
        if (message.attempts > settings.maxAttempts()) {
            // Claimed more often than allowed without an outcome: whatever it does ends the worker. Stop trying.
            record(message.id, this::dead);
            return true;
        }
        try {
            send(message);
        } catch (Exception e) {
            String cause = describe(rootCause(e));
            record(message.id, attempted -> failed(attempted, cause));
            return false;
        }
        record(message.id, done -> {
            done.status = OutboxMessage.Status.SENT;
            done.sentAt = clock.instant();
        });
        sent.increment();
        return true;
    }

    /** The one place where a message leaves: by its channel, through the SMTP server or the SMS gateway. */
    private void send(OutboxMessage message) throws IOException {
        switch (message.channel) {
            case MAIL -> mail.send(message);
            case SMS -> sms.send(message);
        }
    }

    private void record(UUID id, Consumer<OutboxMessage> outcome) {
        QuarkusTransaction.requiringNew().run(() -> outcome.accept(OutboxMessage.findById(id)));
    }

    private void failed(OutboxMessage message, String cause) {
        message.lastError = cause;
        if (message.attempts >= settings.maxAttempts()) {
            dead(message);
        } else {
            message.nextAttemptAt = clock.instant().plus(backoff(message.attempts));
            LOG.warnf("Notification %s (%s) failed, attempt %d; retrying at %s (%s)", message.id, message.kind,
                    message.attempts, message.nextAttemptAt, message.lastError);
        }
    }

    private void dead(OutboxMessage message) {
        message.status = OutboxMessage.Status.DEAD;
        deadLetters.increment();
        LOG.errorf("Notification %s (%s) is a dead letter after %d attempts; last error %s", message.id,
                message.kind, message.attempts, message.lastError);
    }

    /** retryBase x 2^(attempts - 1), at most retryMax. */
    Duration backoff(int attempts) {
        return Backoff.from(settings.retryBase(), settings.retryMax()).after(attempts);
    }

    /**
     * What {@code last_error} keeps of a failure: its type, or a refusal's fixed description with the status code;
     * never a message, which could hold an address, a phone number or the server's text.
     */
    private static String describe(Throwable cause) {
        return cause instanceof SendFailure refused ? refused.description() : cause.getClass().getName();
    }

    /** The innermost cause: the mailer wraps what went wrong (a refused connection) in completion exceptions. */
    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
