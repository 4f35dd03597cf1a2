package dev.customsgateway;

import dev.customsgateway.core.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Creates extra merchants with an API key straight in the database, as an administrator would. */
public final class TestMerchants {

    private TestMerchants() {
    }

    /** Creates a merchant using the given mapping profile and returns its API key. */
    public static String create(JdbcClient jdbc, String id, String profile) {
        jdbc.sql("""
                insert into merchant (id, display_name, role, cop_code, cop_name, dxp_id, ebp_code, ebp_name, ebc_code,
                    ebc_name, signing_key_alias, signature_profile, mapping_profile, enabled, created_at)
                values (?, ?, 'PLATFORM', '1105910159', '东方物通科技(北京)有限公司', 'EXP2016522002580001',
                    '1105910159', '东方物通科技(北京)有限公司', '1105910159', '东方物通科技(北京)有限公司',
                    'demo-rsa', 'CN_RSA_SHA1', ?, true, current_timestamp)""")
                .params(id, "Test merchant " + id, profile).update();
        jdbc.sql("insert into merchant_schema_version (merchant_id, schema_version, effective_from) values (?, '202205', ?)")
                .params(id, java.time.LocalDate.of(2022, 5, 1)).update();
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
