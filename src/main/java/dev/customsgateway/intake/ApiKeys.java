package dev.customsgateway.intake;

import dev.customsgateway.core.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
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
        return issue(merchantId, null, now).key();
    }

    /** Issues a labelled key (rotation: the old keys stay valid until revoked); the key is in clear only here. */
    IssuedKey issue(String merchantId, String label, OffsetDateTime now) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into merchant_api_key (id, merchant_id, key_prefix, key_sha256, created_at, label)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, merchantId, key.substring(0, 10), digest(key), now, label)
                .update();
        return new IssuedKey(id, merchantId, label, key.substring(0, 10), key, now);
    }

    /** The merchant's keys, newest first: prefix and dates, never the key. */
    List<KeyInfo> list(String merchantId) {
        return jdbc.sql("""
                select id, label, key_prefix, created_at, revoked_at from merchant_api_key
                where merchant_id = ? order by created_at desc, id""")
                .param(merchantId)
                .query((rs, n) -> new KeyInfo(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    /** Revokes one of the merchant's keys (at once, for every instance); false when it has no such key. */
    boolean revoke(String merchantId, String keyId, OffsetDateTime now) {
        jdbc.sql("update merchant_api_key set revoked_at = ? where id = ? and merchant_id = ? and revoked_at is null")
                .params(now, keyId, merchantId).update();
        return jdbc.sql("select count(*) from merchant_api_key where id = ? and merchant_id = ?")
                .params(keyId, merchantId).query(Integer.class).single() > 0;
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

    /** A key just issued, with the key in clear. */
    record IssuedKey(String id, String merchantId, String label, String prefix, String key, OffsetDateTime createdAt) {
        @Override
        public String toString() {
            return "IssuedKey[" + id + ", " + prefix + "...]"; // never the key
        }
    }

    /** What an operator may see of a key. */
    record KeyInfo(String id, String label, String prefix, OffsetDateTime createdAt, OffsetDateTime revokedAt) {
    }

    private static String digest(String key) {
        return Sha256.hex(key.getBytes(StandardCharsets.US_ASCII));
    }
}
