package dev.customsgateway.core;

import java.util.List;
import java.util.Map;

/**
 * One record of a merchant file as its format reader sees it, before any mapping: named source values, and for
 * nested formats the child records (an order's line items). {@code row} orders records and names them in
 * errors (the line in CSV, NDJSON and XML, the row in XLSX, the element index in a JSON array);
 * {@code location} says where it is in words ("line 12", "sheet Orders row 7", "record 3").
 *
 * @param row       1-based position used for ordering and error reports
 * @param location  where the record is, for people
 * @param values    source field name (CSV/XLSX header, JSON/XML relative path) to its text, as read
 * @param children  nested records (line items of JSON or XML orders); empty for flat formats
 * @param cells     for XLSX: source field name to cell reference (e.g. {@code C7}), so errors can name the cell
 */
public record SourceRecord(int row, String location, Map<String, String> values, List<SourceRecord> children,
        Map<String, String> cells) {

    public SourceRecord {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        children = List.copyOf(children);
        cells = cells == null ? Map.of() : Map.copyOf(cells);
    }

    /** A flat record (CSV, XLSX). */
    public static SourceRecord flat(int row, String location, Map<String, String> values) {
        return new SourceRecord(row, location, values, List.of(), Map.of());
    }

    /** The value of a source field; empty string when absent. */
    public String value(String field) {
        String v = values.get(field);
        return v == null ? "" : v;
    }
}
