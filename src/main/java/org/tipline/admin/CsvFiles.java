package org.tipline.admin;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.tipline.platform.InvalidFieldException;
import org.tipline.platform.StorableText;

/**
 * Directory files as CSV (RFC 4180, UTF-8, a header row): reading them into rows, and writing them so that what is
 * written reads back the same.
 */
final class CsvFiles {

    /** Cells starting with one of these are formulas to a spreadsheet (below). */
    private static final String FORMULA_STARTS = "=+-@";

    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES);

    private CsvFiles() {
    }

    /** A data row: its number as a spreadsheet shows it (the header is row 1) and its cells, trimmed. */
    record Row(int number, List<String> cells) {

        String cell(int column) {
            return cells.get(column);
        }

        String field(String column) {
            return "row " + number + ": " + column;
        }
    }

    /**
     * The data rows of {@code body}, whose first row must be exactly {@code header}. A file that is not UTF-8, not
     * CSV or has another header is refused as a whole; a row with the wrong number of cells, or a cell that cannot be
     * stored, is a row error in {@code errors}, so that all of them are listed at once.
     */
    static List<Row> read(byte[] body, List<String> header, RowErrors errors) {
        List<List<String>> records = records(text(body));
        if (records.isEmpty() || !records.get(0).stream().map(String::trim).toList().equals(header)) {
            throw new InvalidFieldException("header", "the first row must be " + String.join(",", header));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            Row row = new Row(i + 1, records.get(i).stream().map(CsvFiles::unprotected).toList());
            if (row.cells().size() != header.size()) {
                errors.add("row " + row.number(), "expected " + header.size() + " cells, found " + row.cells().size());
            } else if (!row.cells().stream().allMatch(StorableText::isStorable)) {
                errors.add("row " + row.number(), StorableText.REASON);
            } else {
                rows.add(row);
            }
        }
        return rows;
    }

    /** The file as CSV with CRLF line ends (RFC 4180), quoting only cells that need it. */
    static String write(List<String> header, List<List<String>> rows) {
        StringBuilder csv = new StringBuilder();
        line(csv, header);
        rows.forEach(row -> line(csv, row.stream().map(CsvFiles::protectedCell).toList()));
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i);
            boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                    || !cell.equals(cell.trim());
            csv.append(i == 0 ? "" : ",").append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        csv.append("\r\n");
    }

    /**
     * Spreadsheets run a cell that starts with =, +, - or @ as a formula (CSV injection: a school named
     * =HYPERLINK(...) would become a link, or worse, on the screen of the administrator who opens the export). A
     * leading apostrophe makes it plain text there; {@link #unprotected} takes it off again on import, so that an
     * exported file imports unchanged.
     */
    private static String protectedCell(String cell) {
        return cell != null && !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static String unprotected(String cell) {
        String trimmed = cell.trim();
        return trimmed.length() > 1 && trimmed.charAt(0) == '\'' && FORMULA_STARTS.indexOf(trimmed.charAt(1)) >= 0
                ? trimmed.substring(1) : trimmed;
    }

    /** Strict UTF-8: a file saved in another encoding would otherwise import with its accents silently replaced. */
    private static String text(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text; // the byte-order mark spreadsheets write
        } catch (CharacterCodingException e) {
            throw new InvalidFieldException("body", "a CSV file in UTF-8");
        }
    }

    private static List<List<String>> records(String text) {
        try (MappingIterator<List<String>> records = MAPPER.readerForListOf(String.class).with(CsvSchema.emptySchema())
                .readValues(text)) {
            return records.readAll();
        } catch (IOException | RuntimeException e) {
            // Jackson's message may quote the file; the client is told where to look, not what it sent.
            throw new InvalidFieldException("body", "malformed CSV (RFC 4180: quote cells holding commas, quotes or "
                    + "line breaks, and double the quotes inside them)");
        }
    }
}
