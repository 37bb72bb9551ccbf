package org.tipline.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tipline.support.StaffTokens;

/** The CSV export read back and compared with the JSON, and the annual report's sections. */
@QuarkusTest
class StatsExportTest {

    private static List<Map<String, String>> csv(String token, String query) throws IOException {
        String body = given().auth().oauth2(token).get("/api/v1/stats.csv?from=2025-11-01&to=2025-12-31" + query).then()
                .statusCode(200).contentType("text/csv").header("Content-Disposition", equalTo("attachment; filename=\"tipline-stats.csv\""))
                .extract().asString();
        assertThat(body).contains("\r\n");
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
                .readerFor(Map.class).with(CsvSchema.emptySchema().withHeader()).readValues(body)) {
            return rows.readAll();
        }
    }

    @Test
    void shouldExportOneRowPerCellThatReadsBackAsTheJson() throws IOException {
        StatsData data = StatsData.get();

        List<Map<String, String>> rows = csv(data.coordinator, "&groupBy=month,category");
        JsonPath json = StatsTest.stats(data.coordinator, "&groupBy=month,category");

        assertThat(rows).hasSize(json.getList("cells").size() + 1);
        Map<String, Long> fromCsv = new HashMap<>();
        for (Map<String, String> row : rows.subList(0, rows.size() - 1)) {
            fromCsv.put(row.get("month") + "|" + row.get("category"), Long.parseLong(row.get("tips")));
            assertThat(row.get("suppressed")).isEqualTo("false");
        }
        assertThat(fromCsv).isEqualTo(StatsTest.cellValues(json, "tips"));
        Map<String, String> total = rows.get(rows.size() - 1);
        assertThat(total).containsEntry("month", "TOTAL").containsEntry("tips", "16").containsEntry("incidents", "14")
                .containsEntry("lifeSafetyShare", "0.1875").containsEntry("outcomes.UNFOUNDED", "2")
                .containsEntry("acknowledgeMedianSeconds", "1200").containsEntry("closeP90Seconds", "36000")
                .containsEntry("replyRate", "0.5");
    }

    @Test
    void shouldMarkSuppressedCellsInTheExport() throws IOException {
        StatsData data = StatsData.get();

        List<Map<String, String>> rows = csv(data.coordinator, "&groupBy=school");

        Map<String, Map<String, String>> bySchool = new HashMap<>();
        rows.forEach(row -> bySchool.put(row.get("school"), row));
        assertThat(bySchool.get(data.a.id.toString())).containsEntry("tips", "11").containsEntry("schoolName", data.a.name)
                .containsEntry("lifeSafety", "<5").containsEntry("lifeSafetyShare", "suppressed")
                .containsEntry("acknowledgeMedianSeconds", "1500").containsEntry("suppressed", "false");
        for (String small : List.of(data.b.id.toString(), data.c.id.toString())) {
            assertThat(bySchool.get(small)).containsEntry("tips", "<5").containsEntry("incidents", "<5")
                    .containsEntry("outcomes.UNFOUNDED", "<5").containsEntry("closeMedianSeconds", "suppressed")
                    .containsEntry("suppressed", "true");
        }
        assertThat(bySchool.get("TOTAL")).containsEntry("tips", "16");
    }

    @Test
    void shouldReportTheSchoolYearWithTheStatutesSections() {
        StatsData data = StatsData.get();

        JsonPath report = given().auth().oauth2(data.coordinator).get("/api/v1/stats/annual-report?year=2025").then()
                .statusCode(200).extract().jsonPath();

        assertThat(report.getString("schoolYear")).isEqualTo("2025-26");
        assertThat(report.getString("from")).isEqualTo("2025-08-01");
        assertThat(report.getString("to")).isEqualTo("2026-07-31");
        // The two tips just outside November and December are inside the school year.
        assertThat(report.getLong("totals.tips")).isEqualTo(18);
        assertThat(report.getLong("incidents.tips")).isEqualTo(18);
        assertThat(report.getLong("incidents.incidents")).isEqualTo(16);
        assertThat(report.getInt("reportsByCategoryByMonth.find { it.key.month == '2025-10' && it.key.category == 'BULLYING' }"
                + ".figures.tips")).isEqualTo(1);
        assertThat(report.getInt("reportsByCategoryByMonth.find { it.key.month == '2026-01' && it.key.category == 'BULLYING' }"
                + ".figures.tips")).isEqualTo(1);
        assertThat(report.getInt("outcomes.find { it.key.outcome == 'UNFOUNDED' }.figures.tips")).isEqualTo(2);
        JsonPath bullying = JsonPath.from(report.prettify()).setRootPath("misuseByCategory.find { it.key.category == 'BULLYING' }.figures");
        assertThat(bullying.getLong("tips")).isEqualTo(9);
        assertThat(bullying.getDouble("falseReportRate")).isEqualTo(0.4);
        assertThat(bullying.getDouble("misuseRate")).isEqualTo(0.2);
        assertThat(report.getLong("responseTimesByMonth.find { it.key.month == '2025-11' }.figures.acknowledge.medianSeconds"))
                .isEqualTo(900L);
        assertThat(report.getInt("channels.find { it.key.channel == 'PHONE' }.figures.tips")).isEqualTo(2);
        assertThat(report.getString("peakWeekday")).isEqualTo("TUESDAY");

        given().auth().oauth2(data.coordinator).get("/api/v1/stats/annual-report?year=twenty").then().statusCode(400)
                .body("code", equalTo("invalid-parameter"));
        given().auth().oauth2(StaffTokens.forDemo("sro.kwhs", "SRO")).get("/api/v1/stats/annual-report").then().statusCode(403);
    }
}
