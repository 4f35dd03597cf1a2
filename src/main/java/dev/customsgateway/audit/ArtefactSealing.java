package dev.customsgateway.audit;

import javax.crypto.SecretKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the {@link ContentStore} needs to seal artefacts: the data key to seal a merchant's new artefact with, the
 * key that opens a sealed file, and the index of which key seals which digest ({@code sealed_content}), which the
 * retention job reads to find a key's files. The index row of a digest is locked while it is sealed or deleted, so
 * a store of the same bytes and their deletion by the retention job do not interleave.
 */
@Component
class ArtefactSealing {

    private final DataKeys keys;
    private final JdbcClient jdbc;

    ArtefactSealing(DataKeys keys, JdbcClient jdbc) {
        this.keys = keys;
        this.jdbc = jdbc;
    }

    DataKeys.DataKey keyFor(String merchantId) {
        return keys.current(merchantId);
    }

    SecretKey key(String keyId) throws ArtefactShreddedException {
        return keys.byId(keyId);
    }

    /** The id of the destroyed data key that sealed a digest, or null (never sealed, or its key is live). */
    String destroyedKeyOf(String sha256) {
        return jdbc.sql("select d.id from sealed_content s join data_key d on d.id = s.key_id"
                        + " where s.sha256 = ? and d.destroyed_at is not null").param(sha256).query(String.class)
                .optional().orElse(null);
    }

    /** Writes a digest's index row if it has none (its bytes are stored, sealed with that key). */
    void index(String sha256, String keyId) {
        jdbc.sql("insert into sealed_content (sha256, key_id) values (?, ?) on conflict do nothing")
                .params(sha256, keyId).update();
    }

    /**
     * Claims a digest for a key (in the caller's transaction, or on its own): true when the bytes must be written
     * sealed with that key (new digest, or sealed with another key so far: the newest key wins, the one that lives
     * longest), false when they are stored with it already.
     */
    boolean claim(String sha256, String keyId) {
        int inserted = jdbc.sql("insert into sealed_content (sha256, key_id) values (?, ?) on conflict do nothing")
                .params(sha256, keyId).update();
        if (inserted == 1) {
            return true;
        }
        String current = jdbc.sql("select key_id from sealed_content where sha256 = ? for update").param(sha256)
                .query(String.class).optional().orElse(null);
        if (keyId.equals(current)) {
            return false;
        }
        jdbc.sql("update sealed_content set key_id = ? where sha256 = ?").params(keyId, sha256).update();
        return true;
    }
}
