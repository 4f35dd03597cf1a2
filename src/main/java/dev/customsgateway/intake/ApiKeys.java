package dev.customsgateway.intake;

import dev.customsgateway.core.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issues and checks merchant API keys. A key is 256 random bits; only its SHA-256 is stored, so a key is shown
 * once, when issued, and can never be read back. Several keys per merchant allow rotation; revoked keys fail.
 */
@Component
class ApiKeys {

    private static final String PREFIX = "cgw_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Issues a new key for the merchant and returns it in clear: the only time it exists in clear. */
    String issue(String merchantId, OffsetDateTime now) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("""
                insert into merchant_api_key (id, merchant_id, key_prefix, key_sha256, created_at)
                values (?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID().toString(), merchantId, key.substring(0, 10), digest(key), now)
                .update();
        return key;
    }

    boolean hasActiveKey(String merchantId) {
        return jdbc.sql("select count(*) from merchant_api_key where merchant_id = ? and revoked_at is null")
                .param(merchantId).query(Integer.class).single() > 0;
    }

    /** The merchant a presented key belongs to, if the key is known and not revoked. */
    Optional<String> merchantOf(String presentedKey) {
        if (presentedKey == null || !presentedKey.startsWith(PREFIX) || presentedKey.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select merchant_id from merchant_api_key where key_sha256 = ? and revoked_at is null")
                .param(digest(presentedKey)).query(String.class).optional();
    }

    private static String digest(String key) {
        return Sha256.hex(key.getBytes(StandardCharsets.US_ASCII));
    }
}
