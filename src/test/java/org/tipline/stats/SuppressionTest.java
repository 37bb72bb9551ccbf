package org.tipline.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The suppression rules alone, on tables built so that one subtraction would give a small cell back. */
class SuppressionTest {

    @Test
    void shouldWithholdASecondCellWhenOneSmallCellWouldFollowFromTheTotal() {
        List<List<String>> keys = List.of(List.of("P"), List.of("Q"), List.of("R"));

        assertThat(Suppression.cells(keys, List.of(20L, 15L, 3L))).containsExactly(1, 2);
        assertThat(Suppression.cells(keys, List.of(20L, 2L, 3L))).containsExactly(1, 2);
        assertThat(Suppression.cells(keys, List.of(20L, 15L, 9L))).isEmpty();
    }

    @Test
    void shouldLeaveNoRowOrColumnWithExactlyOneWithheldCell() {
        // school x category: P = B10 D6 F4, Q = B5 D4 F6, R = B3
        List<List<String>> keys = List.of(List.of("P", "B"), List.of("P", "D"), List.of("P", "F"), List.of("Q", "B"),
                List.of("Q", "D"), List.of("Q", "F"), List.of("R", "B"));
        List<Long> tips = List.of(10L, 6L, 4L, 5L, 4L, 6L, 3L);

        var withheld = Suppression.cells(keys, tips);

        assertThat(withheld).containsExactly(1, 2, 3, 4, 5, 6);
        for (int dimension = 0; dimension < 2; dimension++) {
            Map<String, Integer> perLine = new LinkedHashMap<>();
            Map<String, Integer> cellsPerLine = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                String line = keys.get(i).get(1 - dimension);
                cellsPerLine.merge(line, 1, Integer::sum);
                if (withheld.contains(i)) {
                    perLine.merge(line, 1, Integer::sum);
                }
            }
            // A line of one cell has the cell's own count as its total; that count is withheld wherever it is shown.
            perLine.forEach((line, count) -> assertThat(count == 1 && cellsPerLine.get(line) > 1).as(line).isFalse());
        }
    }

    @Test
    void shouldProtectAWithheldOutcomeAgainstTheClosedCount() {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        outcomes.put("INTERVENTION", 12L);
        outcomes.put("UNFOUNDED", 7L);
        outcomes.put("FALSE_REPORT", 2L);
        outcomes.put("DUPLICATE", 0L);

        assertThat(Suppression.outcomes(outcomes, 21)).containsExactlyInAnyOrder("FALSE_REPORT", "UNFOUNDED");

        Map<String, Long> alone = new LinkedHashMap<>();
        alone.put("INTERVENTION", 0L);
        alone.put("FALSE_REPORT", 3L);
        assertThat(Suppression.outcomes(alone, 3)).containsExactlyInAnyOrder("FALSE_REPORT", "closed");
    }

    @Test
    void shouldWithholdRatesAndTimesBuiltFromSmallCounts() {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        outcomes.put("INTERVENTION", 10L);
        outcomes.put("UNFOUNDED", 5L);
        outcomes.put("FALSE_REPORT", 0L);
        Tally tally = new Tally(20, 20, 17, 15, outcomes, 12, 9, new Tally.Times(15, 60.0, 90.0), new Tally.Times(15, 600.0, 900.0),
                new Tally.Times(3, 30.0, 40.0), new Tally.Times(0, null, null));

        StatsReport.Figures published = FigureRules.of(tally, true);

        // 20 - 17 = 3 standard tips and 12 - 9 = 3 conversations without a reply would follow from the share and the rate.
        assertThat(published.withheld()).containsExactlyInAnyOrder("lifeSafety", "lifeSafetyShare", "replyRate",
                "lifeSafetyAcknowledge");
        assertThat(published.lifeSafetyShare()).isNull();
        assertThat(published.lifeSafetyAcknowledge().medianSeconds()).isNull();
        assertThat(published.falseReportRate()).isEqualTo(0.3333);
        assertThat(published.misuseRate()).isEqualTo(0.0);
        assertThat(FigureRules.of(tally, false).withheld()).isEmpty();
    }
}
