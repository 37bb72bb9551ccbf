package org.tipline.stats;

import static org.tipline.support.SeededTips.tip;

import java.time.ZoneId;
import java.util.UUID;
import org.tipline.directory.Agency;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.directory.StaffRole;
import org.tipline.support.DirectoryFixtures;
import org.tipline.support.SeededTips;
import org.tipline.support.StaffTokens;

/**
 * A district of its own with sixteen tips in November and December 2025 (and two just outside), whose every figure is
 * worked out by hand in {@link StatsTest}. Seeded once per run.
 */
final class StatsData {

    static final ZoneId DENVER = ZoneId.of("America/Denver");

    final District district;
    final School a;
    final School b;
    final School c;
    final String coordinator;

    private static StatsData seeded;

    private StatsData() {
        district = DirectoryFixtures.district();
        Agency agency = DirectoryFixtures.agency();
        a = DirectoryFixtures.school(district, agency, DirectoryFixtures.unique("Stats A"), true);
        b = DirectoryFixtures.school(district, agency, DirectoryFixtures.unique("Stats B"), true);
        c = DirectoryFixtures.school(district, agency, DirectoryFixtures.unique("Stats C"), true);
        coordinator = StaffTokens.sign(StaffTokens.claims(
                DirectoryFixtures.staff(StaffRole.COORDINATOR, district, null, null).id, "COORDINATOR"));
    }

    static synchronized StatsData get() {
        if (seeded == null) {
            seeded = new StatsData();
            seeded.seed();
        }
        return seeded;
    }

    private SeededTips at(School school, String category, String local) {
        return tip(school.id, category).at(local, DENVER);
    }

    private void seed() {
        UUID t1 = at(a, "BULLYING", "2025-11-03T10:00").acknowledged(600).closed("INTERVENTION", 3600).insert();
        UUID t2 = at(a, "BULLYING", "2025-11-04T10:30").acknowledged(1200).closed("UNFOUNDED", 7200).insert();
        at(a, "BULLYING", "2025-11-05T10:15").channel("PHONE").acknowledged(1800).closed("FALSE_REPORT", 10800).insert();
        UUID t4 = at(a, "BULLYING", "2025-11-04T11:00").acknowledged(2400).closed("DUPLICATE", 14400).insert();
        UUID t5 = at(a, "WEAPON", "2025-11-04T10:45").lifeSafety().acknowledged(300).closed("INTERVENTION", 1800).insert();
        at(a, "WEAPON", "2025-12-02T14:00").channel("TEXT").lifeSafety().acknowledged(600).insert();
        at(a, "FIGHTING", "2025-12-09T10:05").insert();
        at(a, "FIGHTING", "2025-12-10T09:00").acknowledged(3000).inProgress().insert();
        at(a, "DRUGS", "2025-12-11T10:20").channel("EMAIL").acknowledged(6000).closed("REFERRED", 86400).insert();
        at(a, "BULLYING", "2025-12-15T16:00").insert();
        UUID t11 = at(b, "BULLYING", "2025-11-10T12:00").acknowledged(900).closed("UNFOUNDED", 5400).insert();
        UUID t12 = at(b, "WEAPON", "2025-11-10T12:30").channel("WALK_IN").lifeSafety().acknowledged(120).insert();
        at(b, "BULLYING", "2025-12-03T20:00").insert();
        at(c, "DRUGS", "2025-11-20T08:00").insert();
        at(c, "DRUGS", "2025-12-20T13:00").channel("PHONE").acknowledged(4000).closed("INSUFFICIENT_INFO", 9000).insert();
        at(a, "OTHER", "2025-12-31T23:50").insert();
        // Just outside 1 November to 31 December, local time (inside it in UTC).
        at(a, "BULLYING", "2025-10-31T23:30").insert();
        at(a, "BULLYING", "2026-01-01T00:10").insert();

        SeededTips.incident(t2, t4);
        SeededTips.incident(t11, t12);
        SeededTips.message(t1, "TO_REPORTER", 100);
        SeededTips.message(t1, "FROM_REPORTER", 200);
        SeededTips.message(t2, "TO_REPORTER", 100);
        SeededTips.message(t5, "FROM_REPORTER", 50);
        SeededTips.message(t5, "TO_REPORTER", 100);
        SeededTips.message(t11, "TO_REPORTER", 100);
        SeededTips.message(t11, "FROM_REPORTER", 500);
    }
}
