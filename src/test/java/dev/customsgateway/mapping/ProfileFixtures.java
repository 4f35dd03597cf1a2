package dev.customsgateway.mapping;

import dev.customsgateway.core.SourceSettings;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Compiles profiles from YAML text for tests. */
final class ProfileFixtures {

    static final LookupTables LOOKUPS = new LookupTables();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private ProfileFixtures() {
    }

    static MappingProfile compile(String yaml) {
        return new ProfileCompiler(LOOKUPS).compile("test", "test", YAML.readValue(yaml, ProfileDocument.class),
                SourceSettings.Limits.DEFAULT);
    }

    /** A minimal valid CSV profile; {@code extra} lines are appended under {@code line:}. */
    static String csvProfile(String orderExtra, String lineExtra) {
        return """
                source: { format: CSV }
                order:
                  orderNo: no
                  buyerRegNo: { value: "r" }
                  buyerName: name
                  buyerIdNumber: { value: "110101199003071233" }
                  buyerPhone: phone
                  consignee: name
                  consigneePhone: phone
                  consigneeAddress: { value: "addr" }
                """ + orderExtra + """
                line:
                  itemName: item
                  itemModel: { value: "m" }
                  unit: { from: unit, default: "011" }
                  qty: qty
                  price: price
                  country: { from: origin, lookup: iso-country }
                """ + lineExtra;
    }
}
