package org.tipline.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tipline.support.Mailbox;
import org.tipline.support.MarkedTips;

@QuarkusTest
class NotificationMailTest {


    @Inject
    OutboxWorker worker;

    @BeforeEach
    void clearMail() {
        Mailbox.clear();
    }

    @Test
    void shouldMailEveryRecipientOnceAndNothingOfWhatTheReporterWrote() throws Exception {
        String marker = "MARK" + UUID.randomUUID().toString().substring(0, 8);
        String reference = MarkedTips.submit("WEAPON", marker);

        while (worker.runOnce() > 0) {
            // until the outbox is empty
        }

        assertThat(Mailbox.recipients()).containsExactlyInAnyOrder("sro.kwhs@demo.tipline.local",
                "counselor.kwhs@demo.tipline.local", "oncall.cpd@demo.tipline.local", "analyst-desk@demo.tipline.local");
        assertThat(Mailbox.received()).allSatisfy(mail -> assertThat(mail.getSubject())
                .isEqualTo("New tip " + reference + " for Kelly Walsh High School, urgency LIFE_SAFETY"));
        String everything = Mailbox.everything();
        assertThat(everything).contains(reference, "Weapon", "/console/tips/").doesNotContain(marker);
        assertThat(everything).contains("text/plain").contains("text/html");
    }
}
