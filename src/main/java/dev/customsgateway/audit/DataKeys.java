package dev.customsgateway.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The data keys of the content store: one AES-256 key per merchant and calendar month (UTC), created when first
 * needed and kept in {@code data_key} only wrapped (AES-256-GCM) by the {@link MasterKey}, the wrapping bound to the
 * key's id, merchant and month. Destroying a key ({@link #destroy}) is crypto-shredding: the wrapped key is
 * overwritten and whatever it sealed is unreadable from then on. Unwrapped keys are cached for a few minutes; a key
 * destroyed by another gateway node stops working here when its cache entry expires.
 */
@Component
class DataKeys {

    /** The scope of artefacts stored without a merchant (gateway-wide files). */
    static final String GATEWAY_SCOPE = "~gateway";
    private static final Duration CACHE_FOR = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final MasterKey master;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<Scope, CachedScope> byScope = new ConcurrentHashMap<>();

    DataKeys(JdbcClient jdbc, MasterKey master, Clock clock) {
        this.jdbc = jdbc;
        this.master = master;
        this.clock = clock;
    }

    /**
     * Loads the master key at start-up, creating it on a first start (no data key yet): a missing key file with
     * data keys present stops the start with the reason, instead of failing at the first artefact.
     */
    void checkMasterKey() {
        master.get(jdbc.sql("select count(*) from data_key").query(Long.class).single() == 0);
    }

    /** The key new artefacts of a merchant are sealed with: its key of the current month. */
    DataKey current(String merchantId) {
        return forScope(new Scope(merchantId == null ? GATEWAY_SCOPE : merchantId, Scope.periodOf(clock.instant())));
    }

    /** The live key of a merchant and month, created when there is none yet. */
    DataKey forScope(Scope scope) {
        CachedScope cached = byScope.get(scope);
        if (cached != null && cached.until().isAfter(clock.instant())) {
            return cached.key(); // every artefact stored asks: one query per merchant and month every few minutes
        }
        DataKey key = load(scope);
        byScope.put(scope, new CachedScope(key, clock.instant().plus(CACHE_FOR)));
        return key;
    }

    private DataKey load(Scope scope) {
        Optional<Row> row = find(scope);
        if (row.isEmpty()) {
            create(scope);
            row = find(scope);
        }
        Row found = row.orElseThrow();
        if (found.wrapped() == null) {
            throw new IllegalStateException("the data key of " + scope + " was destroyed (retention)");
        }
        return new DataKey(found.id(), scope, unwrap(found));
    }

    /** The key with this id, to open what it sealed; {@link ArtefactShreddedException} once it was destroyed. */
    SecretKey byId(String id) throws ArtefactShreddedException {
        Cached cached = cache.get(id);
        Instant now = clock.instant();
        if (cached != null && cached.until().isAfter(now)) {
            return cached.key();
        }
        Row row = jdbc.sql("select id, merchant_id, period, master_key_id, wrapped_key from data_key where id = ?")
                .param(id).query(DataKeys::row).optional()
                .orElseThrow(() -> new ArtefactShreddedException("data key " + id + " does not exist"));
        if (row.wrapped() == null) {
            cache.remove(id);
            throw new ArtefactShreddedException("data key " + id + " of " + row.scope() + " was destroyed");
        }
        return unwrap(row);
    }

    /** Destroys a key (in the caller's transaction). True when it was live. */
    boolean destroy(String id) {
        cache.remove(id);
        byScope.values().removeIf(c -> c.key().id().equals(id));
        return jdbc.sql("update data_key set wrapped_key = null, destroyed_at = ? where id = ? and destroyed_at is null")
                .params(clock.instant().atOffset(ZoneOffset.UTC), id).update() == 1;
    }

    /**
     * Wraps every live data key again, from the {@code current} master key to {@code next}, in the caller's
     * transaction (master-key rotation); returns how many. Destroyed keys have nothing left to wrap.
     */
    int rewrap(SecretKey current, SecretKey next) {
        List<Row> rows = jdbc.sql("select id, merchant_id, period, master_key_id, wrapped_key from data_key"
                + " where wrapped_key is not null for update").query(DataKeys::row).list();
        String currentId = MasterKey.idOf(current);
        for (Row row : rows) {
            if (!currentId.equals(row.masterKeyId())) {
                throw new IllegalStateException("data key " + row.id() + " is wrapped by master key "
                        + row.masterKeyId() + ", not by the configured one (" + currentId + "): nothing rotated");
            }
            try {
                byte[] raw = crypt(Cipher.DECRYPT_MODE, current, aad(row.id(), row.scope()), row.wrapped(), null);
                jdbc.sql("update data_key set wrapped_key = ?, master_key_id = ? where id = ?")
                        .params(crypt(Cipher.ENCRYPT_MODE, next, aad(row.id(), row.scope()), null, raw),
                                MasterKey.idOf(next), row.id()).update();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("data key " + row.id() + " cannot be unwrapped: nothing rotated", e);
            }
        }
        cache.clear();
        byScope.clear();
        return rows.size();
    }

    /** Every key, live or destroyed, oldest period first. */
    List<KeyInfo> all() {
        return jdbc.sql("select id, merchant_id, period, destroyed_at from data_key order by period, merchant_id")
                .query((rs, n) -> new KeyInfo(rs.getString(1), new Scope(rs.getString(2),
                        YearMonth.parse(rs.getString(3))), rs.getObject(4, java.time.OffsetDateTime.class) != null))
                .list();
    }

    private Optional<Row> find(Scope scope) {
        return jdbc.sql("select id, merchant_id, period, master_key_id, wrapped_key from data_key"
                        + " where merchant_id = ? and period = ?")
                .params(scope.merchantId(), scope.period().toString()).query(DataKeys::row).optional();
    }

    private void create(Scope scope) {
        boolean first = jdbc.sql("select count(*) from data_key").query(Long.class).single() == 0;
        SecretKey wrapping = master.get(first);
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            String id = UUID.randomUUID().toString();
            byte[] wrapped = crypt(Cipher.ENCRYPT_MODE, wrapping, aad(id, scope), null,
                    generator.generateKey().getEncoded());
            // Two threads or nodes creating the same scope's key: the first insert wins, the other reads it back.
            jdbc.sql("insert into data_key (id, merchant_id, period, master_key_id, wrapped_key, created_at)"
                            + " values (?, ?, ?, ?, ?, ?) on conflict do nothing")
                    .params(id, scope.merchantId(), scope.period().toString(), MasterKey.idOf(wrapping), wrapped,
                            clock.instant().atOffset(ZoneOffset.UTC)).update();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a data key", e);
        }
    }

    private SecretKey unwrap(Row row) {
        Cached cached = cache.get(row.id());
        if (cached != null && cached.until().isAfter(clock.instant())) {
            return cached.key();
        }
        SecretKey wrapping = master.get(false);
        if (!MasterKey.idOf(wrapping).equals(row.masterKeyId())) {
            throw new IllegalStateException("data key " + row.id() + " was wrapped by master key " + row.masterKeyId()
                    + ", not by the one configured (" + MasterKey.idOf(wrapping) + "): restore the right master key");
        }
        try {
            SecretKey key = new SecretKeySpec(crypt(Cipher.DECRYPT_MODE, wrapping, aad(row.id(), row.scope()),
                    row.wrapped(), null), "AES");
            cache.put(row.id(), new Cached(key, clock.instant().plus(CACHE_FOR)));
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("data key " + row.id() + " cannot be unwrapped: altered in the database",
                    e);
        }
    }

    /** AES-256-GCM: wraps {@code plain} (nonce || ciphertext || tag) or unwraps {@code wrapped}. */
    private static byte[] crypt(int mode, SecretKey key, byte[] aad, byte[] wrapped, byte[] plain)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        if (mode == Cipher.ENCRYPT_MODE) {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            cipher.init(mode, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
        }
        cipher.init(mode, key, new GCMParameterSpec(128, wrapped, 0, 12));
        cipher.updateAAD(aad);
        return cipher.doFinal(wrapped, 12, wrapped.length - 12);
    }

    private static byte[] aad(String id, Scope scope) {
        return ("customs-gateway/data-key/v1|" + id + "|" + scope.merchantId() + "|" + scope.period())
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getString(1), new Scope(rs.getString(2), YearMonth.parse(rs.getString(3))),
                rs.getString(4), rs.getBytes(5));
    }

    /** What a data key covers: a merchant's artefacts stored in one calendar month (UTC). */
    record Scope(String merchantId, YearMonth period) {

        static YearMonth periodOf(Instant at) {
            return YearMonth.from(at.atOffset(ZoneOffset.UTC));
        }

        @Override
        public String toString() {
            return "merchant " + merchantId + ", " + period;
        }
    }

    /** A live data key. */
    record DataKey(String id, Scope scope, SecretKey key) {
    }

    /** A data key without its secret, for the retention job. */
    record KeyInfo(String id, Scope scope, boolean destroyed) {
    }

    private record Row(String id, Scope scope, String masterKeyId, byte[] wrapped) {
    }

    private record Cached(SecretKey key, Instant until) {
    }

    private record CachedScope(DataKey key, Instant until) {
    }
}
