package org.tipline.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tipline.notify.OutboxWorker;
import org.tipline.support.Database;
import org.tipline.support.LogCapture;
import org.tipline.support.Mailbox;
import org.tipline.support.MarkedTips;
import org.tipline.support.TestClock;
import org.tipline.tip.Tip;

/** The retention job's review mails, and a tip whose step fails while the others go ahead. */
@QuarkusTest
class RetentionJobTest {

    private static final String COORDINATOR_MAIL = "coordinator@demo.tipline.local";
    private static final String ANALYST_MAIL = "analyst@demo.tipline.local";

    @Inject
    RetentionJob job;

    @Inject
    OutboxWorker worker;

    @Inject
    MeterRegistry metrics;

    @Inject
    TestClock clock;

    @BeforeEach
    void quiet() {
        Mailbox.clear();
    }

    @AfterEach
    void restore() {
        clock.reset();
    }

    @Test
    void shouldMailTheCoordinatorOnceWhenATipStaysOpenPastItsReviewPeriod() throws Exception {
        String marker = "MARK" + UUID.randomUUID().toString().substring(0, 8);
        String reference = MarkedTips.submit("BULLYING", marker);
        UUID tipId = idOf(reference);

        clock.advance(Duration.ofDays(364));
        job.flagDue();
        assertThat(mailsAbout(reference)).as("not before its review period").isEmpty();

        clock.advance(Duration.ofDays(2));
        job.flagDue();
        List<MimeMessage> mails = mailsAbout(reference);
        assertThat(mails).hasSize(1);
        assertThat(Mailbox.receivedBy(COORDINATOR_MAIL)).containsAll(mails);
        assertThat(mails.get(0).getSubject())
                .isEqualTo("Tip " + reference + " for Kelly Walsh High School has been open 366 days: please review it");
        String everything = Mailbox.everything();
        assertThat(everything).contains("Bullying", "/console/tips/" + tipId, "open for 366 days", "text/html")
                .doesNotContain(marker);
        assertThat(RetentionTips.historyKinds(tipId)).containsOnlyOnce("RETENTION_REVIEW");

        Mailbox.clear();
        clock.advance(Duration.ofDays(30));
        job.flagDue();
        assertThat(mailsAbout(reference)).as("once per flag, never again").isEmpty();
    }

    @Test
    void shouldMailTheAnalystsAboutAnOpenTipWithoutASchool() throws Exception {
        RetentionTips.NewTip tip = RetentionTips.submit("OTHER", null);

        clock.advance(Duration.ofDays(366));
        job.flagDue();

        List<MimeMessage> mails = mailsAbout(tip.reference());
        assertThat(mails).isNotEmpty();
        assertThat(Mailbox.receivedBy(ANALYST_MAIL)).anySatisfy(mail -> assertThat(mail.getSubject())
                .isEqualTo("Tip " + tip.reference() + " for no school given has been open 366 days: please review it"));
        assertThat(Mailbox.receivedBy(COORDINATOR_MAIL)).doesNotContainAnyElementsOf(mails);
        assertThat(Mailbox.everything()).doesNotContain("near the gym");
    }

    @Test
    void shouldShredTheOtherTipsWhenOneFailsAndThatOneAtTheNextRun() throws Exception {
        RetentionTips.NewTip failing = RetentionTips.closedWithConversation("FIGHTING");
        RetentionTips.NewTip other = RetentionTips.closedWithConversation("FIGHTING");
        double failuresBefore = failures("shred");
        clock.advance(Duration.ofDays(366));

        try (AutoCloseable fault = Database.refuseEvents("SHREDDED", failing.id()); LogCapture log = LogCapture.start()) {
            assertThat(job.shredDue()).as("the other tip, and any other due in the shared database").isPositive();
            assertThat(log.all()).contains("The retention step shred of tip " + failing.id() + " failed")
                    .doesNotContain("near the gym").doesNotContain("Checked the cameras");
        }
        assertThat(RetentionTips.shredded(other.id())).isTrue();
        assertThat(RetentionTips.shredded(failing.id())).as("rolled back whole").isFalse();
        assertThat(RetentionTips.cipherRows(failing.id())).containsEntry("tip_key", 1L).containsEntry("tip_note", 1L)
                .containsEntry("tip_message", 1L);
        assertThat(failures("shred") - failuresBefore).isEqualTo(1.0);

        job.shredDue();
        assertThat(RetentionTips.shredded(failing.id())).as("tried again at the next run").isTrue();
        assertThat(RetentionTips.cipherRows(failing.id())).containsEntry("tip_key", 0L).containsEntry("tip_note", 0L);
        assertThat(RetentionTips.historyKinds(failing.id())).containsOnlyOnce("SHREDDED");
    }

    @Test
    void shouldFlagTheOtherTipsWhenOneFailsAndMailAboutThatOneOnceAtTheNextRun() throws Exception {
        RetentionTips.NewTip failing = RetentionTips.submit("BULLYING", RetentionTips.KELLY_WALSH);
        RetentionTips.NewTip other = RetentionTips.submit("BULLYING", RetentionTips.KELLY_WALSH);
        double failuresBefore = failures("review");
        clock.advance(Duration.ofDays(366));

        try (AutoCloseable fault = Database.refuseEvents("RETENTION_REVIEW", failing.id())) {
            job.flagDue();
        }
        assertThat(RetentionTips.historyKinds(other.id())).containsOnlyOnce("RETENTION_REVIEW");
        assertThat(RetentionTips.historyKinds(failing.id())).doesNotContain("RETENTION_REVIEW");
        assertThat(failures("review") - failuresBefore).isEqualTo(1.0);
        assertThat(mailsAbout(other.reference())).hasSize(1);
        assertThat(mailsAbout(failing.reference())).as("the mail rolled back with the flag").isEmpty();

        job.flagDue();
        assertThat(RetentionTips.historyKinds(failing.id())).containsOnlyOnce("RETENTION_REVIEW");
        assertThat(mailsAbout(failing.reference())).hasSize(1);
        assertThat(mailsAbout(other.reference())).hasSize(1);
    }

    /** Sends whatever is due, then the review mails received about the tip. */
    private List<MimeMessage> mailsAbout(String reference) {
        while (worker.runOnce() > 0) {
            // send all
        }
        return Mailbox.received().stream().filter(mail -> subject(mail).startsWith("Tip " + reference + " ")
                && subject(mail).endsWith("please review it")).toList();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private double failures(String step) {
        Counter counter = metrics.find("tipline_retention_failures_total").tag("step", step).counter();
        return counter == null ? 0 : counter.count();
    }

    private static UUID idOf(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> Tip.<Tip>find("reference", reference).singleResult().id());
    }
}
