package dev.customsgateway.customs;

import dev.customsgateway.core.CodeTable;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The GACC JGS-20 code tables the CEB messages use (units, countries), from the CSVs shipped under
 * {@code codes/china-ceb/} (provenance in their SOURCES.md). Continent headers (100, 200, ...) are in the
 * country table but are not valid in a message, so they are left out.
 */
@Component
class CodeLists {

    private final Map<String, String> units =
            CodeTable.load("codes/china-ceb/unit.csv", "code", "name_zh", r -> true);
    private final Map<String, String> countries = CodeTable.load("codes/china-ceb/country.csv", "code", "name_zh",
            r -> !"region_header".equals(r.get("kind")));

    /** The Chinese name of a unit code, if it is one. */
    Optional<String> unit(String code) {
        return Optional.ofNullable(units.get(code));
    }

    /** The Chinese name of a country code, if it is one usable in a message. */
    Optional<String> country(String code) {
        return Optional.ofNullable(countries.get(code));
    }
}
