package org.tipline.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tipline.support.SeededTips.tip;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.support.DirectoryFixtures;
import org.tipline.support.StaffTokens;

/**
 * A report's figures come from several statements run side by side (StatsSql, SnapshotReads): they must all count the
 * same tips, as one statement would, even while tips keep arriving.
 */
@QuarkusTest
class StatsSnapshotTest {

    private static final String ANALYST = StaffTokens.forDemo("analyst", "ANALYST");
    private static final ZoneId DENVER = ZoneId.of("America/Denver");

    @Test
    void shouldCountEveryFigureOfAReportOverTheSameTipsWhileTipsArrive() {
        District district = DirectoryFixtures.district();
        School school = DirectoryFixtures.school(district, DirectoryFixtures.agency(), DirectoryFixtures.unique("Busy"), true);
        AtomicBoolean arriving = new AtomicBoolean(true);
        // Every tip is acknowledged: in a consistent report, as many durations to acknowledge (one statement) as tips
        // (another).
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int second = 0; arriving.get(); second++) {
                tip(school.id, "BULLYING").at("2025-10-01T08:00", DENVER).acknowledged(60 + second).insert();
            }
        });
        List<String> inconsistent = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                JsonPath totals = JsonPath.from(given().auth().oauth2(ANALYST)
                        .get("/api/v1/stats?from=2025-10-01&to=2025-10-31&district=" + district.id).then().statusCode(200)
                        .extract().asString()).setRootPath("totals");
                long tips = totals.getLong("tips");
                long acknowledged = totals.getLong("acknowledge.count");
                if (acknowledged != tips) {
                    inconsistent.add(tips + " tips, " + acknowledged + " acknowledged");
                }
            }
        } finally {
            arriving.set(false);
            writer.join();
        }
        assertThat(inconsistent).isEmpty();
    }
}
