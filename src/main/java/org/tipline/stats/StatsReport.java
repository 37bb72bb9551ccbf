package org.tipline.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code GET /api/v1/stats}: the figures of every cell of the breakdown, and of all of them together. */
@Schema(name = "StatsReport")
public record StatsReport(
        @Schema(required = true, description = "First day counted (submission, local time)") LocalDate from,
        @Schema(required = true, description = "Last day counted") LocalDate to,
        @Schema(description = "The district counted; none: every district and tips without a school") UUID district,
        @Schema(description = "The school counted") UUID school,
        @Schema(required = true) List<String> groupBy,
        @Schema(required = true, description = "Whether small cells were suppressed (a breakdown below district level)") boolean suppression,
        @Schema(required = true) Figures totals,
        @Schema(description = "Busiest weekday, MONDAY to SUNDAY, local time; null without tips or when suppressed") String peakWeekday,
        @Schema(description = "Busiest hour of the day, 0 to 23, local time; null without tips or when suppressed") Integer peakHour,
        @Schema(required = true, description = "One cell per combination of the groupBy values that has tips") List<Cell> cells,
        @Schema(required = true, description = "Names of the schools and districts in the cells' keys, by id") Map<String, String> names) {

    /** One combination of the breakdown's values. */
    @Schema(name = "StatsCell")
    public record Cell(
            @Schema(required = true, description = "The value of each groupBy dimension (a school or district id; 'none' "
                    + "for tips without a school; outcome 'OPEN' for open tips)") Map<String, String> key,
            @Schema(required = true, description = "The cell's tip count is withheld (shown as <5), and so is every other "
                    + "figure of the cell") boolean suppressed,
            @Schema(required = true) Figures figures) {
    }

    /**
     * The figures of a cell or of the totals. A withheld figure is null and named in {@code withheld}; a count is
     * withheld when it is between 1 and 4 (or to protect one that is), a rate or time when what it is computed from is.
     */
    @Schema(name = "StatsFigures")
    public record Figures(
            @Schema(description = "Tips") Long tips,
            @Schema(description = "Incidents: linked tips count once, every other tip is an incident of its own") Long incidents,
            @Schema(description = "Life-safety tips") Long lifeSafety,
            @Schema(description = "Life-safety tips / tips") Double lifeSafetyShare,
            @Schema(description = "Closed tips") Long closed,
            @Schema(required = true, description = "Closed tips by outcome (a withheld count is null)") Map<String, Long> outcomes,
            @Schema(description = "False reports: closed as UNFOUNDED / closed") Double falseReportRate,
            @Schema(description = "Misuse: closed as FALSE_REPORT (made up on purpose) / closed") Double misuseRate,
            @Schema(description = "Tips in which staff wrote to the reporter") Long conversations,
            @Schema(description = "Share of those conversations in which the reporter wrote back afterwards") Double replyRate,
            @Schema(required = true, description = "Submission to acknowledgement") Times acknowledge,
            @Schema(required = true, description = "Submission to closing") Times close,
            @Schema(required = true, description = "Submission to acknowledgement, life-safety tips") Times lifeSafetyAcknowledge,
            @Schema(required = true, description = "Submission to closing, life-safety tips") Times lifeSafetyClose,
            @Schema(required = true, description = "Names of the figures withheld by small-cell suppression") List<String> withheld) {
    }

    /** Durations in seconds. */
    @Schema(name = "StatsTimes")
    public record Times(@Schema(description = "How many tips the times are of") Long count,
            @Schema(description = "Median, seconds") Long medianSeconds,
            @Schema(description = "90th percentile, seconds") Long p90Seconds) {
    }
}
