package org.tipline.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.directory.StaffRole;
import org.tipline.support.DirectoryFixtures;
import org.tipline.support.StaffTokens;

/** Every figure of GET /api/v1/stats against the hand-worked values of {@link StatsData}. */
@QuarkusTest
class StatsTest {

    private static final String ANALYST = StaffTokens.forDemo("analyst", "ANALYST");

    static JsonPath stats(String token, String query) {
        return JsonPath.from(body(token, query));
    }

    static String body(String token, String query) {
        return given().auth().oauth2(token).get("/api/v1/stats?from=2025-11-01&to=2025-12-31" + query).then().statusCode(200)
                .extract().asString();
    }

    /** The part of a report at {@code path}, as a JsonPath of its own. */
    static JsonPath at(String body, String path) {
        return JsonPath.from(body).setRootPath(path);
    }

    @Test
    void shouldCountEveryFigureOfTheDistrict() {
        StatsData data = StatsData.get();

        JsonPath totals = at(body(data.coordinator, ""), "totals");

        assertThat(totals.getLong("tips")).isEqualTo(16);
        assertThat(totals.getLong("incidents")).isEqualTo(14);
        assertThat(totals.getLong("lifeSafety")).isEqualTo(3);
        assertThat(totals.getDouble("lifeSafetyShare")).isEqualTo(0.1875);
        assertThat(totals.getLong("closed")).isEqualTo(8);
        assertThat(totals.getMap("outcomes")).isEqualTo(Map.of("INTERVENTION", 2, "REFERRED", 1, "UNFOUNDED", 2,
                "DUPLICATE", 1, "FALSE_REPORT", 1, "INSUFFICIENT_INFO", 1));
        assertThat(totals.getDouble("falseReportRate")).isEqualTo(0.25);
        assertThat(totals.getDouble("misuseRate")).isEqualTo(0.125);
        assertThat(totals.getLong("conversations")).isEqualTo(4);
        assertThat(totals.getDouble("replyRate")).isEqualTo(0.5);
        assertThat(times(totals, "acknowledge")).containsExactly(11L, 1200L, 4000L);
        assertThat(times(totals, "close")).containsExactly(8L, 8100L, 36000L);
        assertThat(times(totals, "lifeSafetyAcknowledge")).containsExactly(3L, 300L, 540L);
        assertThat(times(totals, "lifeSafetyClose")).containsExactly(1L, 1800L, 1800L);
        assertThat(totals.getList("withheld")).isEmpty();
    }

    @Test
    void shouldFindThePeakWeekdayAndHourInTheDistrictsTimeZone() {
        StatsData data = StatsData.get();

        JsonPath report = stats(data.coordinator, "");

        assertThat(report.getString("peakWeekday")).isEqualTo("TUESDAY");
        assertThat(report.getInt("peakHour")).isEqualTo(10);
        assertThat(report.getBoolean("suppression")).isFalse();
        assertThat(report.getString("district")).isEqualTo(data.district.id.toString());
    }

    @Test
    void shouldBreakDownByMonthAndByMonthAndCategoryWithoutSuppressionAtDistrictLevel() {
        StatsData data = StatsData.get();

        JsonPath months = stats(data.coordinator, "&groupBy=month");
        assertThat(cellValues(months, "tips")).isEqualTo(Map.of("2025-11", 8L, "2025-12", 8L));
        assertThat(cellValues(months, "incidents")).isEqualTo(Map.of("2025-11", 6L, "2025-12", 8L));
        assertThat(cellValues(months, "lifeSafety")).isEqualTo(Map.of("2025-11", 2L, "2025-12", 1L));

        JsonPath grid = stats(data.coordinator, "&groupBy=month,category");
        assertThat(cellValues(grid, "tips")).isEqualTo(Map.of("2025-11|BULLYING", 5L, "2025-11|WEAPON", 2L, "2025-11|DRUGS", 1L,
                "2025-12|WEAPON", 1L, "2025-12|FIGHTING", 2L, "2025-12|DRUGS", 2L, "2025-12|BULLYING", 2L, "2025-12|OTHER", 1L));
        assertThat(grid.getList("cells.suppressed")).containsOnly(false);
        assertThat(grid.getLong("totals.tips")).isEqualTo(16);
    }

    @Test
    void shouldBreakDownByChannelOutcomeAndUrgency() {
        StatsData data = StatsData.get();

        assertThat(cellValues(stats(data.coordinator, "&groupBy=channel"), "tips"))
                .isEqualTo(Map.of("WEB", 11L, "PHONE", 2L, "TEXT", 1L, "EMAIL", 1L, "WALK_IN", 1L));
        assertThat(cellValues(stats(data.coordinator, "&groupBy=outcome"), "tips")).isEqualTo(Map.of("OPEN", 8L,
                "INTERVENTION", 2L, "REFERRED", 1L, "UNFOUNDED", 2L, "DUPLICATE", 1L, "FALSE_REPORT", 1L, "INSUFFICIENT_INFO", 1L));
        JsonPath urgency = stats(data.coordinator, "&groupBy=urgency");
        assertThat(cellValues(urgency, "tips")).isEqualTo(Map.of("LIFE_SAFETY", 3L, "STANDARD", 13L));
        assertThat(urgency.getLong("cells.find { it.key.urgency == 'LIFE_SAFETY' }.figures.acknowledge.medianSeconds"))
                .isEqualTo(300L);
        // Incident Y holds a standard and a life-safety tip: it counts once in each cell.
        assertThat(cellValues(urgency, "incidents")).isEqualTo(Map.of("LIFE_SAFETY", 3L, "STANDARD", 12L));
    }

    @Test
    void shouldCountTheSameForAnAnalystWhoNamesTheDistrict() {
        StatsData data = StatsData.get();

        JsonPath report = stats(ANALYST, "&district=" + data.district.id + "&groupBy=district");

        assertThat(report.getLong("totals.tips")).isEqualTo(16);
        assertThat(cellValues(report, "tips")).isEqualTo(Map.of(data.district.id.toString(), 16L));
        assertThat(report.getString("names." + data.district.id)).isEqualTo(data.district.name);
    }

    @Test
    void shouldWithholdSmallFiguresOfASchoolBreakdown() {
        StatsData data = StatsData.get();

        String report = body(data.coordinator, "&groupBy=school");

        assertThat(JsonPath.from(report).getBoolean("suppression")).isTrue();
        JsonPath a = at(report, "cells.find { it.key.school == '" + data.a.id + "' }");
        assertThat(a.getBoolean("suppressed")).isFalse();
        assertThat(a.getLong("figures.tips")).isEqualTo(11);
        assertThat(a.getLong("figures.incidents")).isEqualTo(10);
        assertThat(a.getLong("figures.closed")).isEqualTo(6);
        assertThat(a.getObject("figures.lifeSafety", Long.class)).isNull();
        assertThat(a.getObject("figures.falseReportRate", Double.class)).isNull();
        assertThat(a.getObject("figures.conversations", Long.class)).isNull();
        JsonPath figures = at(report, "cells.find { it.key.school == '" + data.a.id + "' }.figures");
        assertThat(times(figures, "acknowledge")).containsExactly(8L, 1500L, 3900L);
        assertThat(times(figures, "close")).containsExactly(6L, 9000L, 50400L);
        assertThat(figures.getList("withheld"))
                .contains("lifeSafety", "lifeSafetyShare", "outcomes.INTERVENTION", "falseReportRate", "misuseRate",
                        "conversations", "replyRate", "lifeSafetyAcknowledge", "lifeSafetyClose");
        for (String small : List.of(data.b.id.toString(), data.c.id.toString())) {
            JsonPath cell = at(report, "cells.find { it.key.school == '" + small + "' }");
            assertThat(cell.getBoolean("suppressed")).isTrue();
            assertThat(cell.getObject("figures.tips", Long.class)).isNull();
            assertThat(cell.getObject("figures.acknowledge.medianSeconds", Long.class)).isNull();
            assertThat(cell.getObject("figures.lifeSafetyShare", Double.class)).isNull();
        }
        assertThat(JsonPath.from(report).getLong("totals.tips")).isEqualTo(16);
    }

    @Test
    void shouldKeepEachCoordinatorToTheirDistrict() {
        StatsData data = StatsData.get();
        String demoCoordinator = StaffTokens.forDemo("coordinator", "COORDINATOR");

        given().auth().oauth2(demoCoordinator).get("/api/v1/stats?district=" + data.district.id).then().statusCode(404)
                .body("code", equalTo("not-found"));
        given().auth().oauth2(demoCoordinator).get("/api/v1/stats?school=" + data.a.id).then().statusCode(404);
        JsonPath own = stats(demoCoordinator, "&groupBy=school");
        assertThat(own.getList("cells.key.school", String.class)).doesNotContain(data.a.id.toString());
        given().auth().oauth2(ANALYST).get("/api/v1/stats?district=" + UUID.randomUUID()).then().statusCode(404);

        for (String role : List.of("SRO", "COUNSELOR", "ADMIN")) {
            String token = StaffTokens.sign(StaffTokens.claims(
                    DirectoryFixtures.staff(StaffRole.valueOf(role), data.district, DirectoryFixtures.agency(), null).id, role));
            given().auth().oauth2(token).get("/api/v1/stats").then().statusCode(403);
        }
        given().get("/api/v1/stats").then().statusCode(401);
    }

    @Test
    void shouldRefuseBadParametersWithAProblem() {
        StatsData data = StatsData.get();
        for (String query : List.of("from=2025-13-01", "to=yesterday", "from=2025-12-01&to=2025-11-01", "from=2020-01-01&to=2025-01-01",
                "groupBy=month,month", "groupBy=weather", "groupBy=month,category,school,channel", "district=nope", "from=1999-12-31")) {
            given().auth().oauth2(data.coordinator).get("/api/v1/stats?" + query).then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("invalid-parameter"));
        }
        given().auth().oauth2(data.coordinator).get("/api/v1/stats?groupBy=").then().statusCode(200)
                .body("groupBy", org.hamcrest.Matchers.empty());
        given().auth().oauth2(data.coordinator).get("/api/v1/stats?groupBy=school,category").then().statusCode(200)
                .body("groupBy", hasItem("school"));
    }

    /** The values of one count figure by cell, each cell named by its key values joined with '|'. */
    static Map<String, Long> cellValues(JsonPath report, String figure) {
        Map<String, Long> values = new HashMap<>();
        List<Map<String, Object>> cells = report.getList("cells");
        for (Map<String, Object> cell : cells) {
            @SuppressWarnings("unchecked")
            Map<String, String> key = (Map<String, String>) cell.get("key");
            @SuppressWarnings("unchecked")
            Object value = ((Map<String, Object>) cell.get("figures")).get(figure);
            values.put(String.join("|", key.values()), value == null ? null : ((Number) value).longValue());
        }
        return values;
    }

    private static List<Long> times(JsonPath figures, String name) {
        return java.util.Arrays.asList(figures.getLong(name + ".count"), figures.getLong(name + ".medianSeconds"),
                figures.getLong(name + ".p90Seconds"));
    }
}
