package dev.customsgateway.mapping;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A mapping profile as written in YAML, before validation. See {@code src/main/resources/profiles/} for the
 * bundled ones and the README for every option.
 *
 * @param description  what the profile is for
 * @param source       how to read the merchant's files
 * @param allOrNothing when true, a file with any failing order declares none of its orders
 * @param currency     customs currency code of the amounts when the file does not say (default 142, RMB)
 * @param order        canonical order field key to rule
 * @param line         canonical line field key to rule
 * @param lookups      the profile's own lookup tables, by name
 */
record ProfileDocument(
        String description,
        Source source,
        @JsonProperty("all-or-nothing") Boolean allOrNothing,
        String currency,
        Map<String, Rule> order,
        Map<String, Rule> line,
        Map<String, Map<String, String>> lookups) {

    /**
     * How to read the files.
     *
     * @param format      CSV, JSON, NDJSON, XML or XLSX
     * @param encoding    UTF-8, GBK, GB18030 or AUTO (default)
     * @param delimiter   CSV separator (default comma)
     * @param sheet       XLSX sheet name (default: the first)
     * @param recordPath  XML path of one order record
     * @param linesPath   JSON/XML path of the line items inside a record
     */
    record Source(String format, String encoding, String delimiter, String sheet,
            @JsonProperty("record-path") String recordPath, @JsonProperty("lines-path") String linesPath) {
    }

    /**
     * How one canonical field gets its value: from a source field, or a constant; then a default when empty,
     * transforms in order, and a lookup table. A bare string in YAML means {@code from}. A source field named by
     * {@code from} must be in the file's header unless the rule has a default or says {@code optional: true}.
     */
    record Rule(String from, String value, @JsonProperty("default") String defaultValue, List<String> transform,
            String lookup, Boolean optional) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Rule from(String from) {
            return new Rule(from, null, null, null, null, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        Rule {
            transform = transform == null ? List.of() : List.copyOf(transform);
        }
    }
}
