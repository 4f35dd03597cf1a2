package dev.customsgateway.core;

/**
 * One thing wrong with one field of a merchant's file: where (row, column), what was there (masked when it is
 * personal data), which rule it broke (a stable code merchants and support can quote) and why, in words.
 */
public record RowError(int row, String column, String value, String rule, String message) {

    /** An error about a canonical field: its value is masked as that field's personal data requires. */
    public static RowError of(CanonicalField field, int row, String column, String value, String rule,
            String message) {
        return new RowError(row, column, field.personal().mask(value), rule, message);
    }
}
