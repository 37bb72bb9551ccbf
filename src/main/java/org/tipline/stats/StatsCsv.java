package org.tipline.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A statistics report as CSV (RFC 4180, UTF-8, CRLF, a header row), written with jackson-dataformat-csv: one row per
 * cell and a last row {@code TOTAL}. A withheld count reads {@code <5}, a withheld rate or time {@code suppressed}; the
 * column {@code suppressed} says whether the whole cell was withheld. Names that start like a spreadsheet formula get a
 * leading apostrophe.
 */
final class StatsCsv {

    static final String MEDIA_TYPE = "text/csv";
    static final String WITHHELD_COUNT = "<5";
    static final String WITHHELD_VALUE = "suppressed";
    private static final String FORMULA_STARTS = "=+-@";
    private static final CsvMapper MAPPER = new CsvMapper();

    /** A column: its header, the figure whose withholding empties it, how to read it, and whether it is a count. */
    private record Column(String name, String figure, Function<StatsReport.Figures, Object> value, boolean count) {

        Column(String name, Function<StatsReport.Figures, Object> value, boolean count) {
            this(name, name, value, count);
        }

        boolean withheldIn(StatsReport.Figures figures) {
            return figures.withheld().contains(figure) || figure.startsWith("outcomes.") && figures.withheld().contains("outcomes");
        }
    }

    private StatsCsv() {
    }

    static String write(StatsReport report) {
        List<Column> columns = columns(report);
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (String dimension : report.groupBy()) {
            header.add(dimension);
            if (hasNames(dimension)) {
                header.add(dimension + "Name");
            }
        }
        columns.forEach(column -> header.add(column.name()));
        header.add("suppressed");
        rows.add(header);
        for (StatsReport.Cell cell : report.cells()) {
            List<String> row = new ArrayList<>();
            cell.key().forEach((dimension, value) -> {
                row.add(value);
                if (hasNames(dimension)) {
                    row.add(protect(report.names().getOrDefault(value, "")));
                }
            });
            rows.add(figures(row, columns, cell.figures(), cell.suppressed()));
        }
        List<String> total = new ArrayList<>();
        report.groupBy().forEach(dimension -> {
            total.add("TOTAL");
            if (hasNames(dimension)) {
                total.add("");
            }
        });
        rows.add(figures(total, columns, report.totals(), report.totals().tips() == null));
        try {
            return MAPPER.writer(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("statistics could not be written as CSV", e);
        }
    }

    private static List<String> figures(List<String> row, List<Column> columns, StatsReport.Figures figures, boolean suppressed) {
        for (Column column : columns) {
            Object value = column.value().apply(figures);
            row.add(value != null ? value.toString()
                    : column.withheldIn(figures) ? (column.count() ? WITHHELD_COUNT : WITHHELD_VALUE) : "");
        }
        row.add(Boolean.toString(suppressed));
        return row;
    }

    private static List<Column> columns(StatsReport report) {
        List<Column> columns = new ArrayList<>(List.of(
                new Column("tips", StatsReport.Figures::tips, true),
                new Column("incidents", StatsReport.Figures::incidents, true),
                new Column("lifeSafety", StatsReport.Figures::lifeSafety, true),
                new Column("lifeSafetyShare", StatsReport.Figures::lifeSafetyShare, false),
                new Column("closed", StatsReport.Figures::closed, true)));
        for (String outcome : report.totals().outcomes().keySet()) {
            columns.add(new Column("outcomes." + outcome, figures -> figures.outcomes().get(outcome), true));
        }
        columns.add(new Column("falseReportRate", StatsReport.Figures::falseReportRate, false));
        columns.add(new Column("misuseRate", StatsReport.Figures::misuseRate, false));
        columns.add(new Column("conversations", StatsReport.Figures::conversations, true));
        columns.add(new Column("replyRate", StatsReport.Figures::replyRate, false));
        Map<String, Function<StatsReport.Figures, StatsReport.Times>> times = Map.of(
                "acknowledge", StatsReport.Figures::acknowledge, "close", StatsReport.Figures::close,
                "lifeSafetyAcknowledge", StatsReport.Figures::lifeSafetyAcknowledge,
                "lifeSafetyClose", StatsReport.Figures::lifeSafetyClose);
        for (String name : List.of("acknowledge", "close", "lifeSafetyAcknowledge", "lifeSafetyClose")) {
            Function<StatsReport.Figures, StatsReport.Times> of = times.get(name);
            columns.add(new Column(name + "Count", name, figures -> of.apply(figures).count(), true));
            columns.add(new Column(name + "MedianSeconds", name, figures -> of.apply(figures).medianSeconds(), false));
            columns.add(new Column(name + "P90Seconds", name, figures -> of.apply(figures).p90Seconds(), false));
        }
        return columns;
    }

    private static boolean hasNames(String dimension) {
        return dimension.equals(Dimension.SCHOOL.key()) || dimension.equals(Dimension.DISTRICT.key());
    }

    private static String protect(String cell) {
        return !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
