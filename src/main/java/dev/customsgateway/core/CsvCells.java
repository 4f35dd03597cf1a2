package dev.customsgateway.core;

/**
 * Cells of the CSV files the gateway hands to people (merchants' error reports, auditors' message exports), which
 * they open in spreadsheets: a cell that begins with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage
 * return is prefixed with an apostrophe, so the spreadsheet shows it as text instead of running it as a formula
 * (CSV injection).
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** The cell, neutralised if a spreadsheet would take it for a formula. */
    public static String neutral(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
