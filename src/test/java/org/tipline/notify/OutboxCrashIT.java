package org.tipline.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.tipline.support.PackagedApp;
import org.tipline.support.QueuedMails;

/**
 * Two replicas drain one outbox into a real SMTP server, and one of them is killed (SIGKILL) in the middle: every
 * message still arrives, the replicas never send a message twice between them, and the only copies sent twice are
 * those the killed replica had handed to the SMTP server but not yet recorded — at most one per sender, each with
 * the Message-ID of its first copy.
 */
class OutboxCrashIT {

    private static final Path WORK = Path.of("target/outbox-crash");
    private static final int MESSAGES = 1000;
    private static final int SENDERS = 8;

    @Test
    void shouldDeliverEveryMessageWhenAReplicaIsKilledMidDrainAndDuplicateAtMostWhatItHadInHand() throws Exception {
        int smtpPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (EmbeddedPostgres database = PackagedApp.startDatabase()) {
            Properties settings = PackagedApp.requiredSettings("outbox");
            settings.setProperty("quarkus.mailer.host", "127.0.0.1");
            settings.setProperty("quarkus.mailer.port", Integer.toString(smtpPort));
            settings.setProperty("quarkus.mailer.start-tls", "DISABLED");
            settings.setProperty("quarkus.mailer.from", "tipline@outbox.local");
            settings.setProperty("tipline.notify.senders", Integer.toString(SENDERS));
            // A short send timeout makes the killed replica's claims (twice the timeout) run out quickly.
            settings.setProperty("tipline.notify.send-timeout", "5s");
            Path file = PackagedApp.write(settings, WORK.resolve("settings.properties"));
            try (PackagedApp replicaA = PackagedApp.start(database, file, WORK.resolve("replica-a.log"), "-Xmx256m");
                    PackagedApp replicaB = PackagedApp.start(database, file, WORK.resolve("replica-b.log"), "-Xmx256m")) {
                QueuedMails.queue(database.getPostgresDatabase(), MESSAGES, "outbox.local", i -> i % 10 == 0);
                awaitReceived(smtp, MESSAGES / 5);
                replicaA.kill();
                int receivedAtKill = smtp.getReceivedMessages().length;
                awaitNothingPending(database, Duration.ofSeconds(90));

                Map<String, Integer> copies = new HashMap<>();
                for (MimeMessage mail : smtp.getReceivedMessages()) {
                    copies.merge(mail.getMessageID(), 1, Integer::sum);
                }
                int duplicates = smtp.getReceivedMessages().length - copies.size();
                System.out.printf("OutboxCrashIT: %d messages, replica A killed after %d received; %d delivered, "
                        + "%d distinct, %d sent twice%n", MESSAGES, receivedAtKill, smtp.getReceivedMessages().length,
                        copies.size(), duplicates);
                assertThat(receivedAtKill).as("killed mid-drain").isLessThan(MESSAGES);
                assertThat(copies).as("every message arrived").hasSize(MESSAGES);
                assertThat(copies.values()).as("no message more than twice").allMatch(count -> count <= 2);
                assertThat(duplicates).as("at most what the killed replica's senders had in hand").isLessThanOrEqualTo(SENDERS);
                assertThat(statuses(database)).containsOnlyKeys("SENT");
            }
        } finally {
            smtp.stop();
        }
    }

    private static void awaitReceived(GreenMail smtp, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (smtp.getReceivedMessages().length < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(smtp.getReceivedMessages().length).as("the drain got going").isGreaterThanOrEqualTo(count);
    }

    private static void awaitNothingPending(EmbeddedPostgres database, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (statuses(database).containsKey("PENDING") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    private static Map<String, Integer> statuses(EmbeddedPostgres database) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = database.getPostgresDatabase().getConnection();
                ResultSet rows = connection.createStatement().executeQuery("select status, count(*) from outbox group by status")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }
}
