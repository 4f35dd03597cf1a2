package dev.customsgateway.mapping;

import dev.customsgateway.core.CodeTable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The built-in lookup tables profiles may name, built from the shipped customs code tables (never typed in):
 * {@code iso-country} (ISO 3166 alpha-2 or alpha-3 to the customs 3-digit country code), {@code iso-currency}
 * (ISO 4217 to the customs 3-digit currency code) and {@code unit-name} (the Chinese unit name to its code).
 * Keys are matched case-insensitively.
 */
@Component
class LookupTables {

    private final Map<String, Map<String, String>> builtIn;

    LookupTables() {
        Map<String, String> countries = new HashMap<>();
        countries.putAll(upper(CodeTable.load("codes/china-ceb/country.csv", "iso2_derived", "code",
                r -> "country_or_territory".equals(r.get("kind")))));
        countries.putAll(upper(CodeTable.load("codes/china-ceb/country.csv", "iso3_derived", "code",
                r -> "country_or_territory".equals(r.get("kind")))));
        this.builtIn = Map.of(
                "iso-country", Map.copyOf(countries),
                "iso-currency", upper(CodeTable.load("codes/china-ceb/currency.csv", "iso4217", "code",
                        r -> !r.get("iso4217").isEmpty())),
                "unit-name", upper(CodeTable.load("codes/china-ceb/unit.csv", "name_zh", "code", r -> true)));
    }

    boolean isBuiltIn(String name) {
        return builtIn.containsKey(name);
    }

    Optional<String> find(String table, String key) {
        Map<String, String> entries = builtIn.get(table);
        return entries == null ? Optional.empty() : Optional.ofNullable(entries.get(key.toUpperCase(Locale.ROOT)));
    }

    private static Map<String, String> upper(Map<String, String> table) {
        Map<String, String> result = new HashMap<>();
        table.forEach((k, v) -> result.putIfAbsent(k.toUpperCase(Locale.ROOT), v));
        return Map.copyOf(result);
    }
}
