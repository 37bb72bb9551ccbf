package org.tipline.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tipline.support.SeededTips.tip;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.support.DirectoryFixtures;
import org.tipline.support.SeededTips;
import org.tipline.support.StaffTokens;
import org.tipline.tip.Tip;

/**
 * What statistics count, the copy of each tip's metadata that V29's triggers keep (with the local time and conversation
 * times V26 keeps on the tip), follows every change of what it is derived from, whichever code makes it: a district's
 * time zone, a school moved to another district, a tip moved to another school, messages written and then shredded,
 * status, outcome and incident link. After each test, the whole copy is compared with one made afresh from the tips.
 */
@QuarkusTest
class StatsFollowChangesTest {

    private static final String ANALYST = StaffTokens.forDemo("analyst", "ANALYST");
    private static final ZoneId DENVER = ZoneId.of("America/Denver");

    private static JsonPath stats(District district, String groupBy) {
        return JsonPath.from(given().auth().oauth2(ANALYST)
                .get("/api/v1/stats?from=2025-11-01&to=2025-12-31&district=" + district.id + groupBy).then().statusCode(200)
                .extract().asString());
    }

    private static School school(District district) {
        return DirectoryFixtures.school(district, DirectoryFixtures.agency(), DirectoryFixtures.unique("Moves"), true);
    }

    /** Whatever each test changed, the statistics' copy (V29) is what it would be made from the tips now. */
    @AfterEach
    void copyMatchesEveryTip() {
        long drifted = QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager().createNativeQuery(
                "select count(*) from tip t cross join lateral tip_stats_of(t) s left join tip_stats c on c.tip_id = t.id "
                        + "where c is distinct from s").getSingleResult()).longValue());
        assertThat(drifted).isZero();
    }

    private static void run(Runnable change) {
        QuarkusTransaction.requiringNew().run(change);
    }

    @Test
    void shouldCountATipInItsDistrictsZoneAfterTheZoneChanges() {
        District district = DirectoryFixtures.district();
        School school = school(district);
        tip(school.id, "BULLYING").at("2025-11-30T23:30", DENVER).insert();
        assertThat(StatsTest.cellValues(stats(district, "&groupBy=month"), "tips")).isEqualTo(Map.of("2025-11", 1L));

        run(() -> District.<District>findById(district.id).timeZone = "America/New_York");

        JsonPath report = stats(district, "&groupBy=month");
        assertThat(StatsTest.cellValues(report, "tips")).isEqualTo(Map.of("2025-12", 1L));
        assertThat(report.getInt("peakHour")).isEqualTo(1);
    }

    @Test
    void shouldCountATipInTheZoneOfTheDistrictItsSchoolMovedTo() {
        District denver = DirectoryFixtures.district();
        District pacific = DirectoryFixtures.district();
        run(() -> District.<District>findById(pacific.id).timeZone = "America/Los_Angeles");
        School school = school(denver);
        tip(school.id, "BULLYING").at("2025-12-01T00:30", DENVER).insert();
        assertThat(stats(denver, "").getInt("peakHour")).isZero();

        run(() -> School.<School>findById(school.id).district = District.findById(pacific.id));

        assertThat(stats(denver, "").getLong("totals.tips")).isZero();
        JsonPath report = stats(pacific, "&groupBy=month");
        assertThat(StatsTest.cellValues(report, "tips")).isEqualTo(Map.of("2025-11", 1L));
        assertThat(report.getInt("peakHour")).isEqualTo(23);
    }

    @Test
    void shouldCountAMovedTipInItsNewSchoolsDistrictAndZone() {
        District denver = DirectoryFixtures.district();
        District eastern = DirectoryFixtures.district();
        run(() -> District.<District>findById(eastern.id).timeZone = "America/New_York");
        School from = school(denver);
        School to = school(eastern);
        UUID moved = tip(from.id, "WEAPON").at("2025-11-04T10:00", DENVER).insert();

        run(() -> Tip.<Tip>findById(moved).moveTo(to.id));

        assertThat(stats(denver, "").getLong("totals.tips")).isZero();
        JsonPath report = stats(eastern, "");
        assertThat(report.getLong("totals.tips")).isEqualTo(1);
        assertThat(report.getInt("peakHour")).isEqualTo(12);
    }

    @Test
    void shouldKeepConversationTimesWrittenWithMessagesWhenTheMessagesAreShredded() {
        District district = DirectoryFixtures.district();
        School school = school(district);
        UUID a = tip(school.id, "DRUGS").at("2025-11-10T09:00", DENVER).acknowledged(60).insert();
        UUID b = tip(school.id, "DRUGS").at("2025-11-11T09:00", DENVER).acknowledged(60).insert();
        UUID c = tip(school.id, "DRUGS").at("2025-11-12T09:00", DENVER).acknowledged(60).insert();
        SeededTips.message(a, "FROM_REPORTER", 30);
        assertThat(stats(district, "").getLong("totals.conversations")).isZero();

        // Whatever order they are written in: the first staff message counts, and the reporter's last one.
        SeededTips.message(a, "TO_REPORTER", 100);
        SeededTips.message(a, "FROM_REPORTER", 300);
        SeededTips.message(a, "FROM_REPORTER", 50);
        SeededTips.message(b, "TO_REPORTER", 200);
        SeededTips.message(b, "TO_REPORTER", 100);
        SeededTips.message(b, "FROM_REPORTER", 150);
        SeededTips.message(c, "TO_REPORTER", 100);
        JsonPath before = stats(district, "").setRootPath("totals");
        assertThat(before.getLong("conversations")).isEqualTo(3);
        assertThat(before.getDouble("replyRate")).isEqualTo(0.6667);

        // Shredding deletes every message (retention.Shredder) and keeps the metadata: the figures do not change.
        run(() -> Panache.getEntityManager().createNativeQuery("delete from tip_message where tip_id in (?1, ?2, ?3)")
                .setParameter(1, a).setParameter(2, b).setParameter(3, c).executeUpdate());
        JsonPath after = stats(district, "").setRootPath("totals");
        assertThat(after.getLong("conversations")).isEqualTo(3);
        assertThat(after.getDouble("replyRate")).isEqualTo(0.6667);
    }

    @Test
    void shouldCountATipInTheDistrictItsSchoolMovedToInTheSameZone() {
        District from = DirectoryFixtures.district();
        District to = DirectoryFixtures.district();
        School school = school(from);
        tip(school.id, "BULLYING").at("2025-11-20T10:00", DENVER).insert();

        // Both districts keep Denver's time: the tip's own row does not change, its school's district does.
        run(() -> School.<School>findById(school.id).district = District.findById(to.id));

        assertThat(stats(from, "").getLong("totals.tips")).isZero();
        assertThat(stats(to, "").getLong("totals.tips")).isEqualTo(1);
    }

    @Test
    void shouldCountStatusOutcomeAndIncidentChangesAtOnce() {
        District district = DirectoryFixtures.district();
        School school = school(district);
        UUID first = tip(school.id, "FIGHTING").at("2025-12-01T12:00", DENVER).acknowledged(600).insert();
        UUID second = tip(school.id, "FIGHTING").at("2025-12-01T12:05", DENVER).acknowledged(300).insert();
        assertThat(stats(district, "").getLong("totals.incidents")).isEqualTo(2);

        SeededTips.incident(first, second);
        run(() -> Panache.getEntityManager().createNativeQuery("update tip set status = 'CLOSED', outcome = 'DUPLICATE', "
                + "closed_at = submitted_at + interval '1 hour' where id = ?1").setParameter(1, second).executeUpdate());

        JsonPath totals = stats(district, "").setRootPath("totals");
        assertThat(totals.getLong("incidents")).isEqualTo(1);
        assertThat(totals.getLong("closed")).isEqualTo(1);
        assertThat(totals.getLong("outcomes.DUPLICATE")).isEqualTo(1);
        assertThat(totals.getLong("close.medianSeconds")).isEqualTo(3600);
    }
}
