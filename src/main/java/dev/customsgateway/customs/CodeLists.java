package dev.customsgateway.customs;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The GACC JGS-20 code tables the CEB messages use (units, countries), read from the CSVs shipped under
 * {@code codes/china-ceb/} (provenance in their SOURCES.md). Continent headers (100, 200, ...) are in the
 * country table but are not valid in a message, so they are left out.
 */
@Component
class CodeLists {

    private final Map<String, String> units;
    private final Map<String, String> countries;

    CodeLists() {
        this.units = load("codes/china-ceb/unit.csv", r -> true);
        this.countries = load("codes/china-ceb/country.csv", r -> !"region_header".equals(r.get("kind")));
    }

    /** The Chinese name of a unit code, if it is one. */
    Optional<String> unit(String code) {
        return Optional.ofNullable(units.get(code));
    }

    /** The Chinese name of a country code, if it is one usable in a message. */
    Optional<String> country(String code) {
        return Optional.ofNullable(countries.get(code));
    }

    private static Map<String, String> load(String resource, Predicate<CSVRecord> keep) {
        Map<String, String> codes = new HashMap<>();
        try (Reader in = new InputStreamReader(new ClassPathResource(resource).getInputStream(),
                StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                if (keep.test(r)) {
                    codes.put(r.get("code"), r.get("name_zh"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("code table " + resource + " is missing from the build", e);
        }
        return Map.copyOf(codes);
    }
}
