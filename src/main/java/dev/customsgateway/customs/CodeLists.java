package dev.customsgateway.customs;

import dev.customsgateway.core.CodeTable;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The GACC JGS-20 code tables the CEB messages use (units, countries, currencies, trade and transport modes,
 * package types), from the CSVs shipped under
 * {@code codes/china-ceb/} (provenance in their SOURCES.md). Continent headers (100, 200, ...) are in the
 * country table but are not valid in a message, so they are left out.
 */
@Component
class CodeLists {

    private final Map<String, String> units =
            CodeTable.load("codes/china-ceb/unit.csv", "code", "name_zh", r -> true);
    private final Map<String, String> countries = CodeTable.load("codes/china-ceb/country.csv", "code", "name_zh",
            r -> !"region_header".equals(r.get("kind")));

    private final Map<String, String> currencies =
            CodeTable.load("codes/china-ceb/currency.csv", "code", "name_zh", r -> true);
    private final Map<String, String> tradeModes =
            CodeTable.load("codes/china-ceb/trade_mode.csv", "code", "name_zh", r -> true);
    private final Map<String, String> transportModes =
            CodeTable.load("codes/china-ceb/transport_mode.csv", "code", "name_zh", r -> true);
    private final Map<String, String> wrapTypes =
            CodeTable.load("codes/china-ceb/wrap_type.csv", "code", "name_zh", r -> true);

    /**
     * ISO 4217 alphabetic codes in use (the table's iso4217 column, without the pre-euro currencies it marks
     * obsolete) and ISO 3166 alpha-2 codes, for UK declarations.
     */
    private final Map<String, String> isoCurrencies = CodeTable.load("codes/china-ceb/currency.csv", "iso4217",
            "code", r -> !r.get("status").startsWith("obsolete"));
    private final Map<String, String> isoCountries = CodeTable.load("codes/china-ceb/country.csv", "iso2_derived",
            "name_en", r -> "country_or_territory".equals(r.get("kind")));

    boolean isoCurrency(String code) {
        return isoCurrencies.containsKey(code);
    }

    boolean isoCountry(String code) {
        return isoCountries.containsKey(code);
    }

    Optional<String> currency(String code) {
        return Optional.ofNullable(currencies.get(code));
    }

    Optional<String> tradeMode(String code) {
        return Optional.ofNullable(tradeModes.get(code));
    }

    Optional<String> transportMode(String code) {
        return Optional.ofNullable(transportModes.get(code));
    }

    Optional<String> wrapType(String code) {
        return Optional.ofNullable(wrapTypes.get(code));
    }

    /** The Chinese name of a unit code, if it is one. */
    Optional<String> unit(String code) {
        return Optional.ofNullable(units.get(code));
    }

    /** The Chinese name of a country code, if it is one usable in a message. */
    Optional<String> country(String code) {
        return Optional.ofNullable(countries.get(code));
    }
}
