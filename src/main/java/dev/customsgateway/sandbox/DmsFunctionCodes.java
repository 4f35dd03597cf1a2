package dev.customsgateway.sandbox;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;

/**
 * The DMS notification function codes by name ({@code DMSACC} is {@code 01}), read from the shipped code table
 * {@code codes/wco/dms_function_codes.csv} (provenance in the SOURCES.md beside it), the same table the gateway's
 * receipt side explains them with, so the sandbox and the parser can never disagree about a code.
 */
final class DmsFunctionCodes {

    private static final String TABLE = "codes/wco/dms_function_codes.csv";
    private static final Map<String, String> BY_NAME = read();

    private DmsFunctionCodes() {
    }

    /** The function code of a notification name; fails for a name the table lacks. */
    static String of(String name) {
        String code = BY_NAME.get(name);
        if (code == null) {
            throw new IllegalArgumentException("no DMS notification " + name + " in " + TABLE);
        }
        return code;
    }

    private static Map<String, String> read() {
        Map<String, String> codes = new HashMap<>();
        try (Reader in = new InputStreamReader(new ClassPathResource(TABLE).getInputStream(), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                codes.put(r.get("name"), r.get("function_code"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TABLE, e);
        }
        return Map.copyOf(codes);
    }
}
