package org.tipline.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Sending of notifications from the outbox. */
@ConfigMapping(prefix = "tipline.notify")
public interface NotifySettings {

    /** Base URL of the staff console; mails link to {@code <base>/tips/<id>}. */
    @WithDefault("http://localhost:8080/console")
    String consoleBaseUrl();

    /** Attempts before a notification becomes a dead letter. */
    @WithDefault("8")
    int maxAttempts();

    /** Wait after the first failure; doubles with every further failure. */
    @WithDefault("30s")
    Duration retryBase();

    /** Longest wait between two attempts. */
    @WithDefault("1h")
    Duration retryMax();

    /**
     * Messages sent at once by each replica, each over its own SMTP connection (keep it at or below
     * {@code quarkus.mailer.max-pool-size}, 10 by default). Also the most mails a crash can send twice.
     */
    @WithDefault("8")
    int senders();

    /**
     * How often the outbox worker looks for due notifications (its {@code @Scheduled} reads this setting's key): the
     * longest a new message waits before a drain picks it up.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** Longest wait for the SMTP server to accept one mail. */
    @WithDefault("30s")
    Duration sendTimeout();
}
