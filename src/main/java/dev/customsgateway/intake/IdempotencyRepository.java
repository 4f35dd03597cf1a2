package dev.customsgateway.intake;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code idempotency_record} table. {@link #reserve} is a plain insert: the primary key on (merchant, key)
 * decides which of several concurrent requests with one key goes ahead, on H2 and PostgreSQL alike; nothing
 * here checks first and inserts later.
 */
@Repository
class IdempotencyRepository {

    private final JdbcClient jdbc;

    IdempotencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reserves the key for a request now running; false when the key is already taken. */
    boolean reserve(String merchantId, String key, OffsetDateTime now, OffsetDateTime expiresAt) {
        try {
            return jdbc.sql("""
                    insert into idempotency_record (merchant_id, idempotency_key, state, created_at, expires_at)
                    values (?, ?, 'IN_PROGRESS', ?, ?)""")
                    .params(merchantId, key, now, expiresAt).update() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<StoredAnswer> find(String merchantId, String key) {
        return jdbc.sql("""
                select state, request_sha256, response_status, response_type, response_location, response_body,
                    created_at, expires_at
                from idempotency_record where merchant_id = ? and idempotency_key = ?""")
                .params(merchantId, key)
                .query((rs, n) -> new StoredAnswer("DONE".equals(rs.getString(1)), rs.getString(2), rs.getInt(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class),
                        rs.getObject(8, OffsetDateTime.class)))
                .optional();
    }

    void complete(String merchantId, String key, String requestSha256, int status, String type, String location,
            String body) {
        jdbc.sql("""
                update idempotency_record set state = 'DONE', request_sha256 = ?, response_status = ?,
                    response_type = ?, response_location = ?, response_body = ?
                where merchant_id = ? and idempotency_key = ? and state = 'IN_PROGRESS'""")
                .params(requestSha256, status, type, location, body, merchantId, key).update();
    }

    /** Frees a reservation whose request created nothing (refused before storing, or failed). */
    void release(String merchantId, String key) {
        jdbc.sql("delete from idempotency_record where merchant_id = ? and idempotency_key = ? and state = 'IN_PROGRESS'")
                .params(merchantId, key).update();
    }

    /**
     * Removes a record that has expired or whose request was abandoned, if it is still the one that was read
     * (same creation time), so two requests clearing the same stale row cannot remove a fresh one.
     */
    void removeStale(String merchantId, String key, OffsetDateTime createdAt) {
        jdbc.sql("delete from idempotency_record where merchant_id = ? and idempotency_key = ? and created_at = ?")
                .params(merchantId, key, createdAt).update();
    }

    /** Deletes the records past their retention ({@code api-idempotency-purge} route). */
    int purgeExpired(OffsetDateTime now) {
        return jdbc.sql("delete from idempotency_record where expires_at < ?").param(now).update();
    }

    /** What the first request with a key answered (or that it is still running). */
    record StoredAnswer(boolean done, String requestSha256, int status, String contentType, String location,
            String body, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
    }
}
