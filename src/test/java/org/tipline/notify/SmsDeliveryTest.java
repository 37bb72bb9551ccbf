package org.tipline.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tipline.support.LogCapture;
import org.tipline.support.Mailbox;
import org.tipline.support.MarkedTips;
import org.tipline.support.SmsGatewayResource;
import org.tipline.support.TestClock;

/** SMS through the outbox to the fake gateway ({@link SmsGatewayResource}): the request, retries, dead letters, order. */
@QuarkusTest
class SmsDeliveryTest {

    @Inject
    OutboxWorker worker;

    @Inject
    Outbox outbox;

    @Inject
    TestClock clock;

    @Inject
    NotifySettings settings;

    @BeforeEach
    void clearGateway() {
        SmsGatewayResource.reset();
    }

    @AfterEach
    void restore() {
        SmsGatewayResource.reset();
        clock.reset();
    }

    /** A number of no one, unique per test run, so that tests on a database kept from earlier runs do not mix. */
    private static String number() {
        return "+1307" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
    }

    private static SmsText text(String urgency) {
        return new SmsText("T-2026-000123", urgency, "Kelly Walsh High School", "http://localhost/console/tips/x");
    }

    private void enqueue(UUID tipId, String number, SmsText text) {
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueueSms(tipId, number, text));
    }

    private static OutboxMessage messageTo(String number) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>find("recipient", number).singleResult());
    }

    private void drain() {
        while (worker.runOnce() > 0) {
            // until nothing is due
        }
    }

    @Test
    void shouldPostTheFormWithBasicAuthToTheConfiguredUrl() {
        String number = number();
        enqueue(null, number, text("LIFE_SAFETY"));

        drain();

        List<SmsGatewayResource.Request> requests = SmsGatewayResource.sentTo(number);
        assertThat(requests).hasSize(1);
        SmsGatewayResource.Request request = requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(SmsGatewayResource.PATH);
        assertThat(request.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.basicCredentials()).isEqualTo(SmsGatewayResource.ACCOUNT + ":" + SmsGatewayResource.TOKEN);
        assertThat(request.form()).containsOnlyKeys("To", "From", "Body").containsEntry("To", number)
                .containsEntry("From", SmsGatewayResource.FROM)
                .containsEntry("Body", "Tip T-2026-000123, LIFE-SAFETY, Kelly Walsh High School - open the console: "
                        + "http://localhost/console/tips/x");
        OutboxMessage sent = messageTo(number);
        assertThat(sent.status).isEqualTo(OutboxMessage.Status.SENT);
        assertThat(sent.channel).isEqualTo(OutboxMessage.Channel.SMS);
        assertThat(sent.priority).isEqualTo(OutboxMessage.LIFE_SAFETY);
    }

    @Test
    void shouldSayOnlyTheReferenceUrgencySchoolAndLinkOfATip() {
        String marker = "sms-marker-" + UUID.randomUUID();
        String reference = MarkedTips.submit("WEAPON", marker);
        Object[] tip = QuarkusTransaction.requiringNew().call(() -> (Object[]) OutboxMessage.getEntityManager().createNativeQuery(
                "select cast(t.id as text), t.urgency, s.name from tip t join school s on s.id = t.school_id where t.reference = ?1")
                .setParameter(1, reference).getSingleResult());
        UUID tipId = UUID.fromString((String) tip[0]);
        String link = settings.consoleBaseUrl() + "/tips/" + tipId;
        String number = number();
        // What the call-down ladder sends: the tip's own reference, urgency and school, and its console link.
        enqueue(tipId, number, new SmsText(reference, (String) tip[1], (String) tip[2], link));

        drain();

        String body = SmsGatewayResource.sentTo(number).get(0).form().get("Body");
        assertThat(body).isEqualTo("Tip " + reference + ", LIFE-SAFETY, Kelly Walsh High School - open the console: " + link)
                .doesNotContain(marker);
        assertThat(messageTo(number).payload).doesNotContain(marker);
    }

    @Test
    void shouldRetryAfterTheGatewayFailedKeepingOnlyTheStatus() {
        String number = number();
        SmsGatewayResource.failNext(1);
        enqueue(null, number, text("STANDARD"));

        try (LogCapture log = LogCapture.start()) {
            drain();
            OutboxMessage failed = messageTo(number);
            assertThat(failed.status).isEqualTo(OutboxMessage.Status.PENDING);
            assertThat(failed.attempts).isEqualTo(1);
            assertThat(failed.lastError).isEqualTo("SMS gateway answered HTTP 503");
            assertThat(failed.nextAttemptAt).isAfter(clock.instant());

            drain();
            assertThat(SmsGatewayResource.sentTo(number)).as("not before the backoff").hasSize(1);
            clock.advance(settings.retryBase().plusSeconds(1));
            drain();

            assertThat(messageTo(number).status).isEqualTo(OutboxMessage.Status.SENT);
            assertThat(SmsGatewayResource.sentTo(number)).hasSize(2);
            assertThat(log.all()).contains(failed.id.toString()).doesNotContain(number).doesNotContain(number.substring(1))
                    .doesNotContain(SmsGatewayResource.TOKEN).doesNotContain("queued");
        }
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptWithoutLoggingTheNumber() {
        String number = number();
        SmsGatewayResource.failNext(Integer.MAX_VALUE);
        enqueue(null, number, text("STANDARD"));

        try (LogCapture log = LogCapture.start()) {
            for (int attempt = 0; attempt < settings.maxAttempts(); attempt++) {
                worker.runOnce();
                clock.advance(settings.retryMax().plusSeconds(1));
            }
            while (worker.runOnce() > 0) {
                clock.advance(settings.retryMax().plusSeconds(1));
            }

            OutboxMessage dead = messageTo(number);
            assertThat(dead.status).isEqualTo(OutboxMessage.Status.DEAD);
            assertThat(dead.attempts).isEqualTo(settings.maxAttempts());
            assertThat(dead.lastError).isEqualTo("SMS gateway answered HTTP 503");
            assertThat(SmsGatewayResource.sentTo(number)).hasSize(settings.maxAttempts());
            assertThat(log.all()).contains("dead letter", dead.id.toString()).doesNotContain(number)
                    .doesNotContain(number.substring(1)).doesNotContain(SmsGatewayResource.TOKEN);
        }
    }

    @Test
    void shouldKeepSendingMailInTheRunWhereTheSmsGatewayFails() {
        Mailbox.clear();
        SmsGatewayResource.failNext(1_000);
        List<String> numbers = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            // The texts are life-safety, so they are claimed first: before the fix, the first refusal ended the run.
            for (int i = 0; i < 20; i++) {
                String number = number();
                numbers.add(number);
                outbox.enqueueSms(null, number, text("LIFE_SAFETY"));
            }
            for (int i = 0; i < 20; i++) {
                String address = "beside-sms-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "@test.tipline.local";
                addresses.add(address);
                outbox.enqueue(null, address, new Notification(NotificationKind.NEW_TIP, "T-2026-000000", "Test School",
                        "Other", "STANDARD", clock.instant(), "UTC", "http://localhost/console/tips/x"));
            }
        });

        worker.runOnce();

        assertThat(Mailbox.recipients()).as("every mail in the same run").containsAll(addresses);
        assertThat(numbers.stream().map(SmsDeliveryTest::messageTo))
                .as("the gateway was tried once in the run, the other texts wait for the next")
                .filteredOn(message -> message.attempts > 0).hasSizeBetween(1, settings.senders());

        SmsGatewayResource.reset();
        clock.advance(Duration.ofHours(1));
        drain();
        assertThat(numbers).allMatch(number -> SmsGatewayResource.sentTo(number).size() == 1);
    }

    @Test
    void shouldClaimALifeSafetySmsBeforeOlderStandardOnesAndSendThemAll() {
        List<String> standard = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 60; i++) {
                String number = number();
                standard.add(number);
                outbox.enqueueSms(null, number, text("STANDARD"));
            }
        });
        clock.advance(Duration.ofSeconds(1)); // strictly newer than all 60
        String urgent = number();
        enqueue(null, urgent, text("LIFE_SAFETY"));

        List<String> ours = new ArrayList<>(standard);
        ours.add(urgent);
        String firstOfOurs = ClaimOrder.firstClaimedAmong(ours, clock.instant());
        assertThat(firstOfOurs).as("the life-safety text is claimed before 60 older standard ones").isEqualTo(urgent);

        drain();
        List<String> received = SmsGatewayResource.requests().stream().map(r -> r.form().get("To")).toList();
        assertThat(received).hasSize(61).containsAll(standard).contains(urgent);
    }
}
