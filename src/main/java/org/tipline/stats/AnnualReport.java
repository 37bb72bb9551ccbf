package org.tipline.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The annual report of a school year (1 August to 31 July) with the sections C.R.S. 24-31-611 asks for, and the
 * totals and mixes Safe2Tell publishes beside them. Every section is a breakdown at district level or above, so
 * nothing in it is suppressed.
 */
@Schema(name = "AnnualReport")
public record AnnualReport(
        @Schema(required = true, description = "Such as 2025-26") String schoolYear,
        @Schema(required = true) LocalDate from,
        @Schema(required = true) LocalDate to,
        @Schema(description = "The district reported on; none: the whole tip line") UUID district,
        @Schema(required = true, description = "Totals of the year: tips, incidents, outcomes, rates, reply rate, times") StatsReport.Figures totals,
        @Schema(required = true, description = "Reports by category by month") List<StatsReport.Cell> reportsByCategoryByMonth,
        @Schema(required = true, description = "Outcomes and actions taken: closed tips by outcome") List<StatsReport.Cell> outcomes,
        @Schema(required = true, description = "Misuse by category: false-report and misuse rates of each category") List<StatsReport.Cell> misuseByCategory,
        @Schema(required = true, description = "Reports about a single incident: tips and incidents") Incidents incidents,
        @Schema(required = true, description = "Time to respond, by month: acknowledgement and closing") List<StatsReport.Cell> responseTimesByMonth,
        @Schema(required = true, description = "How tips came in") List<StatsReport.Cell> channels,
        @Schema(description = "Busiest weekday, local time") String peakWeekday,
        @Schema(description = "Busiest hour, local time") Integer peakHour) {

    /** Tips against the events they were about. */
    @Schema(name = "AnnualReportIncidents")
    public record Incidents(@Schema(required = true) Long tips, @Schema(required = true) Long incidents) {
    }
}
