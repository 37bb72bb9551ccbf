package org.tipline.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.util.Set;
import java.util.UUID;
import org.tipline.casework.CaseLifecycle;
import org.tipline.auth.StaffScope;
import org.tipline.directory.StaffRole;
import org.tipline.tip.Tip;
import org.tipline.tip.TipEvent;
import org.tipline.support.Database;
import org.tipline.support.LogCapture;
import org.tipline.support.Mailbox;
import org.tipline.support.TestClock;
import org.tipline.support.MarkedTips;
import org.tipline.notify.OutboxWorker;

@QuarkusTest
class EscalationTest {

    private static final StaffScope ANALYST = new StaffScope(
            UUID.nameUUIDFromBytes("tipline-demo:staff:analyst@demo.tipline.local".getBytes()), StaffRole.ANALYST, Set.of());

    @Inject
    EscalationJob escalation;

    @Inject
    OutboxWorker worker;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    TestClock clock;

    @BeforeEach
    void quiet() {
        Mailbox.clear();
        // Earlier tests' tips are not this test's business: only the tip made here may escalate.
        QuarkusTransaction.requiringNew().run(() -> Tip.update("nextEscalationAt = null where nextEscalationAt is not null"));
    }

    @AfterEach
    void restore() {
        clock.reset();
    }

    private static Tip tip(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> Tip.<Tip>find("reference", reference).singleResult());
    }

    private static List<TipEvent> escalations(Tip tip) {
        return QuarkusTransaction.requiringNew().call(() -> TipEvent.<TipEvent>list("tipId = ?1 and kind = 'ESCALATED'", tip.id()));
    }

    private List<String> mailedAfterRound() {
        Mailbox.clear();
        escalation.runOnce();
        while (worker.runOnce() > 0) {
            // send all
        }
        return Mailbox.recipients();
    }

    @Test
    void shouldEscalateAfterTheDeadlineRepeatAndStopOnceAcknowledged() {
        Tip tip = tip(MarkedTips.submit("WEAPON", "nothing"));

        assertThat(escalation.runOnce()).as("not yet due").isZero();

        clock.advance(Duration.ofMinutes(16));
        assertThat(mailedAfterRound()).containsExactlyInAnyOrder("coordinator@demo.tipline.local",
                "supervisor.cpd@demo.tipline.local", "oncall.cpd@demo.tipline.local", "analyst-desk@demo.tipline.local");
        assertThat(Mailbox.received()).allSatisfy(mail -> assertThat(mail.getSubject()).startsWith("ESCALATION: tip " + tip.reference()));
        assertThat(escalations(tip)).hasSize(1);

        assertThat(escalation.runOnce()).as("not again before the repeat interval").isZero();
        clock.advance(Duration.ofMinutes(15));
        assertThat(mailedAfterRound()).hasSize(4);
        assertThat(escalations(tip)).hasSize(2);

        lifecycle.acknowledge(ANALYST, tip.id());
        clock.advance(Duration.ofHours(2));
        assertThat(mailedAfterRound()).isEmpty();
        assertThat(escalations(tip)).hasSize(2);
    }

    @Test
    void shouldEscalateTheOtherTipsWhenOneFailsAndThatOneAMinuteLater() throws Exception {
        Tip failing = tip(MarkedTips.submit("WEAPON", "nothing"));
        Tip other = tip(MarkedTips.submit("WEAPON", "nothing"));
        clock.advance(Duration.ofMinutes(16));

        try (AutoCloseable fault = Database.refuseEvents("ESCALATED", failing.id()); LogCapture log = LogCapture.start()) {
            assertThat(escalation.runOnce()).as("the other tip").isOne();
            assertThat(log.all()).contains("The ESCALATION of tip " + failing.id() + " failed").doesNotContain("nothing");
        }
        assertThat(escalations(other)).hasSize(1);
        assertThat(escalations(failing)).isEmpty();

        assertThat(escalation.runOnce()).as("tried again after a minute, not at once").isZero();
        clock.advance(DueTips.RETRY_AFTER_FAILURE);
        assertThat(escalation.runOnce()).isOne();
        assertThat(escalations(failing)).hasSize(1);
        assertThat(escalations(other)).as("escalated once per period").hasSize(1);
    }

    @Test
    void shouldNotEscalateATipAcknowledgedInTime() {
        Tip tip = tip(MarkedTips.submit("WEAPON", "nothing"));
        lifecycle.acknowledge(ANALYST, tip.id());

        clock.advance(Duration.ofHours(1));

        assertThat(escalation.runOnce()).isZero();
        assertThat(escalations(tip)).isEmpty();
    }
}
