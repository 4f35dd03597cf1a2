package dev.customsgateway.intake;

import dev.customsgateway.core.RowError;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A submission's errors as a file merchants open: CSV (for spreadsheets) or JSON (for programs). Each row names
 * the file, row, column, value (already masked), rule and message. In the CSV, a cell that begins with
 * {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return is prefixed with an apostrophe, so a
 * spreadsheet shows it as text instead of running it as a formula.
 */
public final class ErrorReport {

    static final List<String> COLUMNS = List.of("file", "row", "column", "value", "rule", "message");

    private ErrorReport() {
    }

    public static String csv(String fileName, List<RowError> errors) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (RowError e : errors) {
                printer.printRecord(neutral(fileName), e.row(), neutral(e.column()), neutral(e.value()),
                        neutral(e.rule()), neutral(e.message()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    public static List<Map<String, Object>> json(String fileName, List<RowError> errors) {
        return errors.stream().<Map<String, Object>>map(e -> {
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("file", fileName);
            row.put("row", e.row());
            row.put("column", e.column());
            row.put("value", e.value());
            row.put("rule", e.rule());
            row.put("message", e.message());
            return row;
        }).toList();
    }

    /** Neutralises spreadsheet formulas (CSV injection). */
    static String neutral(String cell) {
        return dev.customsgateway.core.CsvCells.neutral(cell);
    }
}
