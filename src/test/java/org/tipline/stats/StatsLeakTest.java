package org.tipline.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tipline.directory.Agency;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.directory.StaffRole;
import org.tipline.support.DirectoryFixtures;
import org.tipline.support.SeededTips;
import org.tipline.support.StaffTokens;

/**
 * An attacker with a coordinator's token asks every breakdown of a district built to leak (school P: 10 bullying,
 * 6 drugs, 4 fights; Q: 5, 4, 6; R: 3 bullying) and subtracts what it can: no small count may come out.
 */
@QuarkusTest
class StatsLeakTest {

    private static final String RANGE = "/api/v1/stats?from=2025-10-01&to=2025-10-31";

    @Test
    void shouldGiveNoSmallCellBackByRowsColumnsAndTotals() {
        District district = DirectoryFixtures.district();
        Agency agency = DirectoryFixtures.agency();
        Map<String, School> schools = new HashMap<>();
        Map<String, Long> truth = new HashMap<>();
        int[][] counts = { { 10, 6, 4 }, { 5, 4, 6 }, { 3, 0, 0 } };
        String[] categories = { "BULLYING", "DRUGS", "FIGHTING" };
        for (int s = 0; s < 3; s++) {
            String name = "PQR".substring(s, s + 1);
            School school = DirectoryFixtures.school(district, agency, DirectoryFixtures.unique("Leak " + name), true);
            schools.put(school.id.toString(), school);
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < counts[s][c]; i++) {
                    SeededTips.tip(school.id, categories[c]).at("2025-10-0" + (1 + i % 9) + "T12:00", StatsData.DENVER).insert();
                }
                if (counts[s][c] > 0) {
                    truth.put(school.id + "|" + categories[c], (long) counts[s][c]);
                }
            }
        }
        String token = StaffTokens.sign(StaffTokens.claims(DirectoryFixtures.staff(StaffRole.COORDINATOR, district, null, null).id,
                "COORDINATOR"));

        JsonPath grid = get(token, "&groupBy=school,category");
        JsonPath bySchool = get(token, "&groupBy=school");
        JsonPath byCategory = get(token, "&groupBy=category");
        JsonPath categoryBySchool = get(token, "&groupBy=category,school");

        Map<String, Long> known = new HashMap<>();
        StatsTest.cellValues(grid, "tips").forEach((cell, value) -> putIfShown(known, cell, value));
        categoryBySchool.getList("cells", Map.class).forEach(cell -> {
            @SuppressWarnings("unchecked")
            Map<String, String> key = (Map<String, String>) cell.get("key");
            @SuppressWarnings("unchecked")
            Object value = ((Map<String, Object>) cell.get("figures")).get("tips");
            putIfShown(known, key.get("school") + "|" + key.get("category"), value == null ? null : ((Number) value).longValue());
        });
        Map<String, Long> rows = new HashMap<>();
        StatsTest.cellValues(bySchool, "tips").forEach((school, value) -> putIfShown(rows, school, value));
        Map<String, Long> columns = new HashMap<>();
        StatsTest.cellValues(byCategory, "tips").forEach((category, value) -> putIfShown(columns, category, value));
        Long total = grid.getObject("totals.tips", Long.class);
        assertThat(total).isEqualTo(38);
        assertThat(bySchool.getObject("totals.tips", Long.class)).isEqualTo(38);

        learnBySubtraction(truth.keySet(), known, rows, columns, total);

        Set<String> leaked = new TreeSet<>();
        truth.forEach((cell, value) -> {
            if (Suppression.small(value) && known.containsKey(cell)) {
                leaked.add(cell + "=" + value);
            }
        });
        assertThat(leaked).isEmpty();
        // The table is not simply blank: the big cell and the district's own columns are still there.
        assertThat(known).containsValue(10L);
        assertThat(columns).containsEntry("FIGHTING", 10L);
        // Whatever is shown is true.
        known.forEach((cell, value) -> assertThat(value).isEqualTo(truth.get(cell)));
        assertThat(schools).hasSize(3);
    }

    @Test
    void shouldWithholdTheTotalsOfASmallSchool() {
        District district = DirectoryFixtures.district();
        School school = DirectoryFixtures.school(district, DirectoryFixtures.agency(), DirectoryFixtures.unique("Tiny"), true);
        for (int i = 0; i < 3; i++) {
            SeededTips.tip(school.id, "BULLYING").at("2025-10-1" + i + "T09:00", StatsData.DENVER).acknowledged(60L * (i + 1)).insert();
        }
        String analyst = StaffTokens.forDemo("analyst", "ANALYST");

        JsonPath report = get(analyst, "&school=" + school.id + "&groupBy=category");

        assertThat(report.getBoolean("suppression")).isTrue();
        assertThat(report.getObject("totals.tips", Long.class)).isNull();
        assertThat(report.getObject("totals.acknowledge.medianSeconds", Long.class)).isNull();
        assertThat(report.getString("peakWeekday")).isNull();
        assertThat(report.getList("cells.suppressed")).containsOnly(true);
        // The district, one level up, is shown as it is.
        assertThat(get(analyst, "&district=" + district.id).getLong("totals.tips")).isEqualTo(3);
    }

    private static JsonPath get(String token, String query) {
        return given().auth().oauth2(token).get(RANGE + query).then().statusCode(200).extract().jsonPath();
    }

    private static void putIfShown(Map<String, Long> known, String key, Long value) {
        if (value != null) {
            known.put(key, value);
        }
    }

    /**
     * What subtraction gives: a row, a column or the whole table whose total is known and of which all cells but one are
     * known gives that one; a table whose cells are all known gives its total. Repeated until nothing new follows.
     */
    private static void learnBySubtraction(Set<String> cells, Map<String, Long> known, Map<String, Long> rows,
            Map<String, Long> columns, long total) {
        boolean learned = true;
        while (learned) {
            learned = false;
            for (int side = 0; side < 2; side++) {
                Map<String, Long> margins = side == 0 ? rows : columns;
                Set<String> lines = new TreeSet<>();
                for (String cell : cells) {
                    lines.add(cell.split("\\|")[side]);
                }
                for (String line : lines) {
                    final int s = side;
                    List<String> members = cells.stream().filter(cell -> cell.split("\\|")[s].equals(line)).toList();
                    learned |= solve(members, known, margins.get(line)).map(value -> {
                        known.put(value.getKey(), value.getValue());
                        return true;
                    }).orElse(false);
                    if (!margins.containsKey(line) && members.stream().allMatch(known::containsKey)) {
                        margins.put(line, members.stream().mapToLong(known::get).sum());
                        learned = true;
                    }
                }
                List<String> all = List.copyOf(lines);
                learned |= solve(all, margins, total).map(value -> {
                    margins.put(value.getKey(), value.getValue());
                    return true;
                }).orElse(false);
            }
        }
    }

    private static java.util.Optional<Map.Entry<String, Long>> solve(List<String> members, Map<String, Long> known, Long sum) {
        List<String> unknown = members.stream().filter(member -> !known.containsKey(member)).toList();
        if (sum == null || unknown.size() != 1) {
            return java.util.Optional.empty();
        }
        long rest = members.stream().filter(known::containsKey).mapToLong(known::get).sum();
        return java.util.Optional.of(Map.entry(unknown.get(0), sum - rest));
    }
}
