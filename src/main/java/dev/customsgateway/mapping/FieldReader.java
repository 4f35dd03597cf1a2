package dev.customsgateway.mapping;

import dev.customsgateway.core.CanonicalField;
import dev.customsgateway.core.RowError;
import dev.customsgateway.core.SourceRecord;
import java.math.BigDecimal;
import java.util.List;

/**
 * Reads canonical field values out of source records with a profile's rules: source value or constant, default
 * when empty, transforms, lookup. What cannot be read becomes a {@link RowError} naming the record's row and the
 * merchant's field, with personal values masked.
 */
final class FieldReader {

    private final MappingProfile profile;
    private final LookupTables lookups;
    private final List<RowError> errors;

    FieldReader(MappingProfile profile, LookupTables lookups, List<RowError> errors) {
        this.profile = profile;
        this.lookups = lookups;
        this.errors = errors;
    }

    /** The raw source text of a field in a record, before default and transforms ("" when absent). */
    String raw(SourceRecord record, CanonicalField field) {
        MappingProfile.FieldRule rule = profile.rule(field);
        return rule == null || rule.from() == null ? "" : record.value(rule.from());
    }

    /** The field's text after the rule; null when the profile does not map it or it is empty. */
    String text(SourceRecord record, CanonicalField field) {
        MappingProfile.FieldRule rule = profile.rule(field);
        if (rule == null) {
            return null;
        }
        String value = rule.constant() != null ? rule.constant() : raw(record, field).strip();
        if (value.isEmpty() && rule.defaultValue() != null) {
            value = rule.defaultValue();
        }
        if (value.isEmpty()) {
            return null;
        }
        try {
            for (Transform transform : rule.transforms()) {
                value = transform.apply(value);
            }
        } catch (IllegalArgumentException e) {
            error(record, field, value, "TRANSFORM_FAILED", column(field) + " " + e.getMessage());
            return null;
        }
        return rule.lookup() == null ? value : lookUp(record, field, rule, value);
    }

    /** The field as a decimal amount; null when empty, an error when it is not a number. */
    BigDecimal amount(SourceRecord record, CanonicalField field) {
        String text = text(record, field);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            error(record, field, text, "NUMBER_INVALID", column(field)
                    + " is not a decimal number (the profile can convert a decimal comma: transform decimal-comma)");
            return null;
        }
    }

    String column(CanonicalField field) {
        MappingProfile.FieldRule rule = profile.rule(field);
        return rule != null && rule.from() != null ? rule.from() : field.key();
    }

    void error(SourceRecord record, CanonicalField field, String value, String rule, String message) {
        String cell = record.cells().get(column(field));
        String where = cell == null ? message : message + " [" + record.location() + ", cell " + cell + "]";
        errors.add(RowError.of(field, record.row(), column(field), value, rule, where));
    }

    private String lookUp(SourceRecord record, CanonicalField field, MappingProfile.FieldRule rule, String value) {
        String found = rule.ownLookup() != null ? rule.ownLookup().get(value)
                : lookups.find(rule.lookup(), value).orElse(null);
        if (found == null) {
            error(record, field, value, "LOOKUP_MISS", column(field) + " has a value that lookup table '"
                    + rule.lookup() + "' does not know");
        }
        return found;
    }
}
