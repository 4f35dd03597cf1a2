package dev.customsgateway.customs;

import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.RowError;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The field-level checks the rules are made of: presence and length (as the XSD will count them), decimal(19,5)
 * amounts, code tables, patterns. Each failure is a {@link RowError} naming the merchant's column, with the value
 * masked as the field requires.
 */
final class FieldChecks {

    private final CanonicalOrder order;
    private final List<RowError> errors;

    FieldChecks(CanonicalOrder order, List<RowError> errors) {
        this.order = order;
        this.errors = errors;
    }

    /** Checks length limits; returns true when the value is present and within them. */
    boolean length(int row, OrderField field, String value) {
        int length = value == null ? 0 : value.codePointCount(0, value.length());
        if (length == 0 && field.minLength > 0) {
            add(row, field, value, "FIELD_REQUIRED", field.label() + " is required");
            return false;
        }
        if (length > field.maxLength || (length > 0 && length < field.minLength)) {
            add(row, field, value, "FIELD_LENGTH", field.label() + " must be "
                    + (field.minLength == field.maxLength ? "exactly " + field.maxLength
                            : "at most " + field.maxLength) + " characters; it has " + length);
            return false;
        }
        return length > 0;
    }

    /** A required amount: present, decimal(19,5), not negative, and greater than zero unless zero is allowed. */
    void requiredAmount(int row, OrderField field, BigDecimal value, boolean zeroAllowed) {
        if (value == null) {
            add(row, field, null, "FIELD_REQUIRED", field.label() + " is required");
        } else if (amount(row, field, value) && !zeroAllowed && value.signum() == 0) {
            add(row, field, "0", "AMOUNT_NOT_POSITIVE", field.label() + " must be greater than 0");
        }
    }

    /** Amounts are decimal(19,5) in the XSD and never negative; returns true when the value fits. */
    boolean amount(int row, OrderField field, BigDecimal value) {
        if (value == null) {
            return false;
        }
        if (value.signum() < 0) {
            add(row, field, value.toPlainString(), "AMOUNT_NEGATIVE", field.label() + " must not be negative");
            return false;
        }
        BigDecimal normal = value.stripTrailingZeros();
        if (normal.scale() > 5 || normal.precision() - normal.scale() > 14) {
            add(row, field, value.toPlainString(), "AMOUNT_FORMAT", field.label()
                    + " must have at most 14 digits before and 5 after the decimal point");
            return false;
        }
        return true;
    }

    /** A value that must be in a code table (when present, or always when required). */
    void code(int row, OrderField field, String value, boolean required, Predicate<String> known, String rule,
            String expected) {
        if (value == null || value.isEmpty()) {
            if (required) {
                add(row, field, value, "FIELD_REQUIRED", field.label() + " is required");
            }
        } else if (!known.test(value)) {
            add(row, field, value, rule, field.label() + " must be " + expected);
        }
    }

    /** A required value of a fixed shape, e.g. a 4-digit customs code or a 10-digit HS code. */
    void pattern(int row, OrderField field, String value, Pattern shape, String rule, String expected) {
        if (value == null || value.isEmpty()) {
            add(row, field, value, "FIELD_REQUIRED", field.label() + " is required");
        } else if (!shape.matcher(value).matches()) {
            add(row, field, value, rule, field.label() + " must be " + expected);
        }
    }

    void add(int row, OrderField field, String value, String rule, String message) {
        errors.add(RowError.of(field.canonical, row, order.sourceOf(field.canonical), value, rule, message));
    }
}
