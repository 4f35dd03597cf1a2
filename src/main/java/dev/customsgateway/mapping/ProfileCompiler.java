package dev.customsgateway.mapping;

import dev.customsgateway.core.CanonicalField;
import dev.customsgateway.core.SourceSettings;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validates a {@link ProfileDocument} and compiles it into a {@link MappingProfile}. Collects every problem
 * rather than stopping at the first, so one report tells a profile's author all that is wrong.
 */
final class ProfileCompiler {

    /**
     * Canonical fields every order of every family needs; a profile must say where each comes from. What a
     * particular message needs beyond these (the buyer for imports, the carrier for waybills, ...) the customs
     * rules check order by order.
     */
    static final Set<CanonicalField> REQUIRED = EnumSet.of(CanonicalField.ORDER_NO, CanonicalField.ITEM_NAME,
            CanonicalField.QTY, CanonicalField.PRICE);

    private final LookupTables lookups;

    ProfileCompiler(LookupTables lookups) {
        this.lookups = lookups;
    }

    MappingProfile compile(String name, String origin, ProfileDocument doc, SourceSettings.Limits limits) {
        List<String> problems = new ArrayList<>();
        if (doc.source() == null) {
            throw new InvalidProfile(name, List.of("'source' is missing"));
        }
        SourceSettings.SourceFormat format = format(doc.source().format(), problems);
        Map<CanonicalField, MappingProfile.FieldRule> rules = new EnumMap<>(CanonicalField.class);
        compileSection(doc.order(), CanonicalField.Level.ORDER, "order", doc, rules, problems);
        compileSection(doc.line(), CanonicalField.Level.LINE, "line", doc, rules, problems);
        boolean passthrough = format == SourceSettings.SourceFormat.CUSTOMS_XML;
        if (passthrough && !rules.isEmpty()) {
            problems.add("a CUSTOMS_XML (passthrough) profile maps nothing: the message is declared as it is");
        }
        for (CanonicalField required : passthrough ? java.util.Set.<CanonicalField>of() : REQUIRED) {
            if (!rules.containsKey(required)) {
                problems.add("'" + section(required) + "." + required.key() + "' is required");
            }
        }
        if (rules.containsKey(CanonicalField.ORDER_NO) && rules.get(CanonicalField.ORDER_NO).from() == null) {
            problems.add("'order.orderNo' must come from a source field ('from'), since it groups rows into orders");
        }
        if (format == SourceSettings.SourceFormat.XML && blank(doc.source().recordPath())) {
            problems.add("'source.record-path' is required for XML");
        }
        String delimiter = doc.source().delimiter() == null ? "," : doc.source().delimiter();
        if (delimiter.length() != 1) {
            problems.add("'source.delimiter' must be one character");
        }
        if (!problems.isEmpty()) {
            throw new InvalidProfile(name, problems);
        }
        SourceSettings settings = new SourceSettings(format,
                doc.source().encoding() == null ? "AUTO" : doc.source().encoding(), delimiter.charAt(0),
                doc.source().sheet(), doc.source().recordPath(), doc.source().linesPath(),
                headerFields(format, rules), limits);
        return new MappingProfile(name, origin, settings, doc.currency() == null ? "142" : doc.currency(), rules,
                Boolean.TRUE.equals(doc.allOrNothing()));
    }

    private void compileSection(Map<String, ProfileDocument.Rule> section, CanonicalField.Level level,
            String sectionName, ProfileDocument doc, Map<CanonicalField, MappingProfile.FieldRule> rules,
            List<String> problems) {
        if (section == null) {
            return;
        }
        section.forEach((key, rule) -> {
            String where = "'" + sectionName + "." + key + "'";
            CanonicalField field = CanonicalField.byKey(key).orElse(null);
            if (field == null || field.level() != level) {
                problems.add(where + " is not a canonical " + sectionName + " field");
                return;
            }
            if (rule == null || (blank(rule.from()) && rule.value() == null && rule.defaultValue() == null)) {
                problems.add(where + " needs 'from', 'value' or 'default'");
                return;
            }
            List<Transform> transforms = new ArrayList<>();
            for (String spec : rule.transform()) {
                try {
                    transforms.add(Transform.parse(spec));
                } catch (IllegalArgumentException e) {
                    problems.add(where + ": " + e.getMessage());
                }
            }
            Map<String, String> own = null;
            if (rule.lookup() != null) {
                own = doc.lookups() == null ? null : doc.lookups().get(rule.lookup());
                if (own == null && !lookups.isBuiltIn(rule.lookup())) {
                    problems.add(where + ": lookup table '" + rule.lookup() + "' is neither built in nor in 'lookups'");
                }
            }
            rules.put(field, new MappingProfile.FieldRule(blank(rule.from()) ? null : rule.from(), rule.value(),
                    rule.defaultValue(), List.copyOf(transforms), rule.lookup(), own == null ? null : Map.copyOf(own),
                    Boolean.TRUE.equals(rule.optional())));
        });
    }

    /** For header formats, the columns that must be there: every source field read without default or optional. */
    private static List<String> headerFields(SourceSettings.SourceFormat format,
            Map<CanonicalField, MappingProfile.FieldRule> rules) {
        if (format != SourceSettings.SourceFormat.CSV && format != SourceSettings.SourceFormat.XLSX) {
            return List.of();
        }
        return rules.values().stream()
                .filter(r -> r.from() != null && r.defaultValue() == null && !r.optional())
                .map(MappingProfile.FieldRule::from).distinct().toList();
    }

    private static SourceSettings.SourceFormat format(String format, List<String> problems) {
        try {
            return SourceSettings.SourceFormat.valueOf(String.valueOf(format).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("'source.format' must be one of CSV, JSON, NDJSON, XML, XLSX, CUSTOMS_XML");
            return SourceSettings.SourceFormat.CSV;
        }
    }

    private static String section(CanonicalField field) {
        return field.level() == CanonicalField.Level.ORDER ? "order" : "line";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A profile that cannot be used, with everything wrong with it. */
    static final class InvalidProfile extends RuntimeException {
        InvalidProfile(String name, List<String> problems) {
            super("mapping profile '" + name + "' is invalid: " + String.join("; ", problems));
        }
    }
}
