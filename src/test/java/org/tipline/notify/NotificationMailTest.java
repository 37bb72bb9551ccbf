package org.tipline.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tipline.support.Mailbox;

@QuarkusTest
class NotificationMailTest {

    static final String KELLY_WALSH = UUID.nameUUIDFromBytes("tipline-demo:school:Kelly Walsh High School".getBytes()).toString();

    @Inject
    OutboxWorker worker;

    @BeforeEach
    void clearMail() {
        Mailbox.clear();
    }

    static String submit(String category, String marker) {
        Map<String, Object> tip = new HashMap<>();
        tip.put("schoolId", KELLY_WALSH);
        tip.put("category", category);
        tip.put("description", "He said " + marker + " would bring it to school.");
        tip.put("happeningNow", false);
        tip.put("location", "locker " + marker);
        tip.put("when", "Friday " + marker);
        tip.put("peopleInvolved", marker + " and friends");
        tip.put("reporterContact", marker + "@example.org");
        return given().contentType("application/json").body(tip).post("/api/v1/tips").then().statusCode(201)
                .extract().path("reference");
    }

    @Test
    void shouldMailEveryRecipientOnceAndNothingOfWhatTheReporterWrote() throws Exception {
        String marker = "MARK" + UUID.randomUUID().toString().substring(0, 8);
        String reference = submit("WEAPON", marker);

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
