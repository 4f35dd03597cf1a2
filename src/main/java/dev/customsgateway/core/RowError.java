package dev.customsgateway.core;

/**
 * One thing wrong with one field of a merchant's file: where (row, column), what was there (masked when it is
 * personal data), which rule it broke (a stable code merchants and support can quote) and why, in words.
 */
public record RowError(int row, String column, String value, String rule, String message) {

    /** An error whose value is shown masked, for columns that hold personal data. */
    public static RowError personal(int row, String column, String value, String rule, String message) {
        return new RowError(row, column, Masking.mask(value), rule, message);
    }
}
