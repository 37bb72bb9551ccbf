package org.tipline.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.directory.Agency;
import org.tipline.directory.AssignmentKind;
import org.tipline.directory.Category;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.directory.StaffRole;
import org.tipline.tip.Tip;
import org.tipline.tip.TipEvent;
import org.tipline.notify.NotificationKind;
import org.tipline.notify.OutboxMessage;
import org.tipline.support.DirectoryFixtures;
import org.tipline.support.Proofs;

@QuarkusTest
class TipRoutingTest {

    private static final String DESK = "analyst-desk@demo.tipline.local";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TipRouting routing;

    private static String submit(String schoolId, String category, boolean happeningNow) {
        Map<String, Object> tip = new HashMap<>();
        tip.put("schoolId", schoolId);
        tip.put("category", category);
        tip.put("description", "Routing test tip, nothing more to say.");
        tip.put("happeningNow", happeningNow);
        return given().contentType("application/json").body(tip).header(Proofs.tip()).post("/api/v1/tips").then().statusCode(201)
                .extract().path("reference");
    }

    private static Tip tip(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> Tip.<Tip>find("reference", reference).singleResult());
    }

    private static List<TipRecipient> recipients(String reference) {
        UUID tipId = tip(reference).id();
        return QuarkusTransaction.requiringNew().call(() -> TipRecipient.<TipRecipient>list("tipId", tipId));
    }

    private static String kellyWalsh() {
        return UUID.nameUUIDFromBytes("tipline-demo:school:Kelly Walsh High School".getBytes()).toString();
    }

    @Test
    void shouldSendATipToTheSchoolsSroAndCounselorWithTheSroLeadingOnDrugs() {
        List<TipRecipient> recipients = recipients(submit(kellyWalsh(), "DRUGS", false));

        assertThat(recipients).extracting(r -> r.email, r -> r.role, r -> r.lead).containsExactlyInAnyOrder(
                tuple("sro.kwhs@demo.tipline.local", RecipientRole.SRO, true),
                tuple("counselor.kwhs@demo.tipline.local", RecipientRole.COUNSELOR, false));
    }

    @Test
    void shouldLetTheLeadFollowTheCategory() {
        for (Category category : Category.values()) {
            List<TipRecipient> recipients = recipients(submit(kellyWalsh(), category.name(), false));
            RecipientRole expectedLead = category.lead() == AssignmentKind.SRO ? RecipientRole.SRO : RecipientRole.COUNSELOR;

            assertThat(recipients).as(category.name()).filteredOn(r -> r.lead)
                    .extracting(r -> r.role).containsExactly(expectedLead);
        }
    }

    @Test
    void shouldAlsoAlertOnCallAndTheDeskAtOnceForLifeSafety() {
        Tip weapon = tip(submit(kellyWalsh(), "WEAPON", false));
        List<TipRecipient> recipients = recipients(weapon.reference());

        assertThat(weapon.urgency().name()).isEqualTo("LIFE_SAFETY");
        assertThat(weapon.ackDeadline()).isEqualTo(weapon.submittedAt().plusSeconds(15 * 60));
        assertThat(recipients).extracting(r -> r.email).containsExactlyInAnyOrder("sro.kwhs@demo.tipline.local",
                "counselor.kwhs@demo.tipline.local", "oncall.cpd@demo.tipline.local", DESK);
    }

    @Test
    void shouldTreatHappeningNowAsLifeSafety() {
        Tip tip = tip(submit(kellyWalsh(), "BULLYING", true));

        assertThat(tip.urgency().name()).isEqualTo("LIFE_SAFETY");
        assertThat(recipients(tip.reference())).extracting(r -> r.email).contains("oncall.cpd@demo.tipline.local", DESK);
    }

    @Test
    void shouldFallBackToTheAgencyOnCallWhenTheSchoolHasNoSro() {
        District district = DirectoryFixtures.district();
        Agency agency = DirectoryFixtures.agency();
        School school = DirectoryFixtures.school(district, agency, DirectoryFixtures.unique("Vacant SRO High"), true);
        var counselor = DirectoryFixtures.staff(StaffRole.COUNSELOR, district, null, school);

        List<TipRecipient> recipients = recipients(submit(school.id.toString(), "DRUGS", false));

        assertThat(recipients).extracting(r -> r.email, r -> r.role, r -> r.lead).containsExactlyInAnyOrder(
                tuple(agency.onCallEmail, RecipientRole.AGENCY_ON_CALL, true),
                tuple(counselor.email, RecipientRole.COUNSELOR, false));
    }

    @Test
    void shouldFallBackToTheDistrictCoordinatorWhenTheSchoolHasNoCounselor() {
        District district = DirectoryFixtures.district();
        Agency agency = DirectoryFixtures.agency();
        School school = DirectoryFixtures.school(district, agency, DirectoryFixtures.unique("Vacant Counselor High"), true);
        var sro = DirectoryFixtures.staff(StaffRole.SRO, null, agency, school);
        var coordinator = DirectoryFixtures.staff(StaffRole.COORDINATOR, district, null, null);

        List<TipRecipient> recipients = recipients(submit(school.id.toString(), "DEPRESSION_ANXIETY", false));

        assertThat(recipients).extracting(r -> r.email, r -> r.role, r -> r.lead).containsExactlyInAnyOrder(
                tuple(sro.email, RecipientRole.SRO, false),
                tuple(coordinator.email, RecipientRole.COORDINATOR, true));
    }

    @Test
    void shouldSendTipsWithoutASchoolToTheAnalysts() {
        List<TipRecipient> recipients = recipients(submit(null, "OTHER", false));

        assertThat(recipients).extracting(r -> r.email, r -> r.role, r -> r.lead)
                .contains(tuple("analyst@demo.tipline.local", RecipientRole.ANALYST, false),
                        tuple(DESK, RecipientRole.ANALYST_DESK, true));
    }

    @Test
    void shouldReachTheDeskWhenASchoolHasNobodyAtAll() {
        District district = DirectoryFixtures.district();
        School school = DirectoryFixtures.school(district, DirectoryFixtures.agency(), DirectoryFixtures.unique("Empty High"), true);
        // No SRO, no counselor, no coordinator: the agency on-call still answers for the SRO post.
        List<TipRecipient> recipients = recipients(submit(school.id.toString(), "VANDALISM", false));

        assertThat(recipients).isNotEmpty().extracting(r -> r.role).containsExactly(RecipientRole.AGENCY_ON_CALL);
    }

    @Test
    void shouldRecordTheRoutingInTheTipsHistory() {
        Tip tip = tip(submit(kellyWalsh(), "FIGHTING", false));

        List<TipEvent> events = QuarkusTransaction.requiringNew().call(() -> TipEvent.<TipEvent>list("tipId = ?1 order by at", tip.id()));
        assertThat(events).extracting(e -> e.kind).containsExactly("SUBMITTED", "ROUTED");
        assertThat(events.get(1).detail).contains("sro.kwhs@demo.tipline.local");
    }

    @Test
    void shouldNeverCommitATipWithoutARecipient() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into tip (id, reference, category, "
                    + "happening_now, submitted_at, case_code_hash, body, ack_deadline) values (?, ?, 'OTHER', false, now(), ?, ?, now())")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, "T-0000-" + UUID.randomUUID().toString().substring(0, 6));
                insert.setBytes(3, UUID.randomUUID().toString().getBytes());
                insert.setBytes(4, new byte[] { 1 });
                insert.executeUpdate();
            }
            assertThatThrownBy(connection::commit).isInstanceOf(SQLException.class).hasMessageContaining("no recipient");
        }
    }

    @Test
    void shouldRerouteAReassignedTipToTheNewSchool() {
        Tip tip = tip(submit(kellyWalsh(), "DRUGS", false));
        String natrona = UUID.nameUUIDFromBytes("tipline-demo:school:Natrona County High School".getBytes()).toString();

        QuarkusTransaction.requiringNew().run(() -> routing.reassign(Tip.findById(tip.id()), UUID.fromString(natrona), "test"));

        assertThat(recipients(tip.reference())).extracting(r -> r.email).containsExactlyInAnyOrder(
                "sro.nchs@demo.tipline.local", "counselor.nchs@demo.tipline.local");
        assertThat(tip(tip.reference()).schoolId()).hasToString(natrona);
        List<OutboxMessage> reassignedMails = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>list(
                "tipId = ?1 and kind = ?2", tip.id(), NotificationKind.REASSIGNED));
        assertThat(reassignedMails).extracting(m -> m.recipient)
                .containsExactlyInAnyOrder("sro.nchs@demo.tipline.local", "counselor.nchs@demo.tipline.local");
        List<TipEvent> events = QuarkusTransaction.requiringNew().call(() -> TipEvent.<TipEvent>list("tipId = ?1 and kind = 'REASSIGNED'", tip.id()));
        assertThat(events).singleElement().satisfies(event -> assertThat(event.actor).isEqualTo("test"));
    }
}
