package dev.customsgateway;

import dev.customsgateway.core.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Creates extra merchants with an API key straight in the database, as an administrator would. */
public final class TestMerchants {

    private TestMerchants() {
    }

    /** Creates a platform merchant (imports, RSA signature, 202205) using the given mapping profile; returns its key. */
    public static String create(JdbcClient jdbc, String id, String profile) {
        return create(jdbc, id, profile, "PLATFORM", "IMPORT", "demo-rsa", "CN_RSA_SHA1", "202205");
    }

    /** Creates a merchant with the given role, trade direction, key, signature profile and schema version. */
    public static String create(JdbcClient jdbc, String id, String profile, String role, String direction,
            String keyAlias, String signatureProfile, String schemaVersion) {
        jdbc.sql("""
                insert into merchant (id, display_name, role, trade_direction, cop_code, cop_name, dxp_id, ebp_code,
                    ebp_name, ebc_code, ebc_name, signing_key_alias, signature_profile, mapping_profile, enabled,
                    created_at)
                values (?, ?, ?, ?, '1105910159', '东方物通科技(北京)有限公司', 'EXP2016522002580001',
                    '1105910159', '东方物通科技(北京)有限公司', '1105910159', '东方物通科技(北京)有限公司',
                    ?, ?, ?, true, current_timestamp)""")
                .params(id, "Test merchant " + id, role, direction, keyAlias, signatureProfile, profile).update();
        jdbc.sql("insert into merchant_schema_version (merchant_id, schema_version, effective_from) values (?, ?, ?)")
                .params(id, schemaVersion, java.time.LocalDate.of(2022, 5, 1)).update();
        String key = "cgw_" + UUID.randomUUID();
        jdbc.sql("""
                insert into merchant_api_key (id, merchant_id, key_prefix, key_sha256, created_at)
                values (?, ?, ?, ?, current_timestamp)""")
                .params(UUID.randomUUID().toString(), id, key.substring(0, 10),
                        Sha256.hex(key.getBytes(StandardCharsets.US_ASCII))).update();
        return key;
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
