package dev.customsgateway.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * One value transform of a mapping profile. Written in YAML as {@code trim}, {@code upper}, {@code lower},
 * {@code decimal-comma}, {@code digits-only}, {@code grams-to-kg}, {@code excel-date} or
 * {@code date:<pattern>[|<zone>]}; dates come out as customs wants them: {@code yyyyMMddHHmmss} in Asia/Shanghai.
 */
@FunctionalInterface
interface Transform {

    ZoneId CUSTOMS_TIME = ZoneId.of("Asia/Shanghai");
    DateTimeFormatter CUSTOMS_FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /** Applies the transform; throws {@link IllegalArgumentException} with a merchant-readable reason. */
    String apply(String value);

    static Transform parse(String spec) {
        if (spec.startsWith("date:")) {
            return date(spec.substring(5));
        }
        return switch (spec) {
            case "trim" -> String::strip;
            case "upper" -> v -> v.toUpperCase(Locale.ROOT);
            case "lower" -> v -> v.toLowerCase(Locale.ROOT);
            case "digits-only" -> v -> v.replaceAll("[^0-9]", "");
            case "decimal-comma" -> v -> v.replace(".", "").replace(" ", "").replace(',', '.');
            case "grams-to-kg" -> v -> number(v).divide(BigDecimal.valueOf(1000)).stripTrailingZeros()
                    .toPlainString();
            case "excel-date" -> Transform::excelDate;
            default -> throw new IllegalArgumentException("unknown transform '" + spec + "'");
        };
    }

    private static Transform date(String spec) {
        String[] parts = spec.split("\\|", 2);
        DateTimeFormatter pattern = DateTimeFormatter.ofPattern(parts[0].strip(), Locale.ROOT);
        ZoneId zone = parts.length > 1 ? ZoneId.of(parts[1].strip()) : CUSTOMS_TIME;
        return v -> {
            try {
                TemporalAccessor t = pattern.parseBest(v, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
                ZonedDateTime at = t instanceof ZonedDateTime z ? z
                        : t instanceof LocalDateTime l ? l.atZone(zone) : ((LocalDate) t).atStartOfDay(zone);
                return CUSTOMS_FORMAT.format(at.withZoneSameInstant(CUSTOMS_TIME));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("is not a date in the form " + parts[0].strip());
            }
        };
    }

    /** Spreadsheet serial day numbers (1900 date system) as customs time. */
    private static String excelDate(String v) {
        BigDecimal serial = number(v);
        long seconds = serial.multiply(BigDecimal.valueOf(86400)).setScale(0, RoundingMode.HALF_UP).longValue();
        LocalDateTime at = LocalDateTime.of(1899, 12, 30, 0, 0).plusSeconds(seconds);
        return CUSTOMS_FORMAT.format(at.atZone(CUSTOMS_TIME));
    }

    private static BigDecimal number(String v) {
        try {
            return new BigDecimal(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a number");
        }
    }
}
