package dev.customsgateway.core;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one of the customs code tables shipped as CSV under {@code codes/} on the classpath (provenance in
 * their SOURCES.md) into a map from one column to another. Customs rules and mapping lookups both use them.
 */
public final class CodeTable {

    private CodeTable() {
    }

    /**
     * Maps {@code keyColumn} to {@code valueColumn} for the rows {@code keep} accepts; empty keys are skipped and
     * the first row wins when a key repeats.
     */
    public static Map<String, String> load(String resource, String keyColumn, String valueColumn,
            Predicate<CSVRecord> keep) {
        Map<String, String> table = new LinkedHashMap<>();
        try (Reader in = new InputStreamReader(resourceStream(resource), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String key = r.get(keyColumn);
                if (!key.isEmpty() && keep.test(r)) {
                    table.putIfAbsent(key, r.get(valueColumn));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("code table " + resource + " cannot be read", e);
        }
        return Map.copyOf(table);
    }

    private static java.io.InputStream resourceStream(String resource) {
        java.io.InputStream in = CodeTable.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("code table " + resource + " is missing from the build");
        }
        return in;
    }
}
