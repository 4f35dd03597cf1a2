package dev.customsgateway.mapping;

import dev.customsgateway.core.CanonicalField;
import dev.customsgateway.core.SourceSettings;
import java.util.List;
import java.util.Map;

/**
 * A validated mapping profile: how to read a merchant's files ({@link #source()}, handed to intake by the
 * routes) and how each canonical field gets its value. Immutable; a reload replaces it whole.
 *
 * @param name      the profile's name (its file name without {@code .yaml})
 * @param origin    where it was loaded from, for reports
 * @param source    reader settings, including the source fields the header must have
 * @param currency  default customs currency code of the amounts
 * @param rules     canonical field to its compiled rule
 * @param allOrNothing a file with any failing order declares none (the pipeline checks every order first)
 */
record MappingProfile(String name, String origin, SourceSettings source, String currency,
        Map<CanonicalField, FieldRule> rules, boolean allOrNothing) {

    MappingProfile {
        rules = Map.copyOf(rules);
    }

    FieldRule rule(CanonicalField field) {
        return rules.get(field);
    }

    /** The source field that holds the order number (groups the rows of flat formats into orders). */
    String orderKeyField() {
        FieldRule rule = rules.get(CanonicalField.ORDER_NO);
        return rule == null ? null : rule.from();
    }

    /** Names the source field of each mapped canonical field, for error reports. */
    Map<String, String> sourceNames() {
        java.util.HashMap<String, String> names = new java.util.HashMap<>();
        rules.forEach((field, rule) -> names.put(field.key(), rule.from() != null ? rule.from() : field.key()));
        return names;
    }

    /**
     * One compiled rule.
     *
     * @param from          source field (null for constants)
     * @param constant      fixed value (null when read from the file)
     * @param defaultValue  used when the source value is empty
     * @param transforms    applied in order
     * @param lookup        table name, or null
     * @param ownLookup     the profile's own table when {@code lookup} names one
     * @param optional      the source field may be missing from the header
     */
    record FieldRule(String from, String constant, String defaultValue, List<Transform> transforms, String lookup,
            Map<String, String> ownLookup, boolean optional) {
    }
}
