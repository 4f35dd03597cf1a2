package dev.customsgateway.receipts;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code merchant_webhook} and {@code webhook_delivery} tables. A push is claimed by a conditional update
 * (PENDING and due, or SENDING with its lease run out), so several instances never push the same row at once.
 */
@Repository
class WebhookRepository {

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues the payload when the merchant has a webhook; false when it has none. */
    boolean enqueue(String merchantId, String payload, OffsetDateTime now) {
        return jdbc.sql("""
                insert into webhook_delivery (merchant_id, payload, state, next_attempt_at, created_at)
                select merchant_id, ?, 'PENDING', ?, ? from merchant_webhook where merchant_id = ?""")
                .params(payload, now, now, merchantId).update() == 1;
    }

    Optional<Webhook> webhook(String merchantId) {
        return jdbc.sql("select url, secret from merchant_webhook where merchant_id = ?").param(merchantId)
                .query((rs, n) -> new Webhook(rs.getString(1), rs.getString(2))).optional();
    }

    List<Push> claimDue(OffsetDateTime now, OffsetDateTime leaseUntil, int limit) {
        List<Long> ids = jdbc.sql("""
                select id from webhook_delivery
                where (state = 'PENDING' and next_attempt_at <= ?) or (state = 'SENDING' and next_attempt_at < ?)
                order by next_attempt_at, id limit ?""").params(now, now, limit).query(Long.class).list();
        List<Push> claimed = new ArrayList<>();
        for (Long id : ids) {
            int won = jdbc.sql("""
                    update webhook_delivery set state = 'SENDING', attempts = attempts + 1, next_attempt_at = ?
                    where id = ? and state in ('PENDING', 'SENDING') and next_attempt_at <= ?""")
                    .params(leaseUntil, id, now).update();
            if (won == 1) {
                claimed.add(jdbc.sql("select id, merchant_id, payload, attempts from webhook_delivery where id = ?")
                        .param(id).query((rs, n) -> new Push(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getInt(4))).single());
            }
        }
        return claimed;
    }

    void delivered(long id, int status, OffsetDateTime now) {
        jdbc.sql("""
                update webhook_delivery set state = 'DELIVERED', last_status = ?, last_error = null, delivered_at = ?
                where id = ?""").params(status, now, id).update();
    }

    void retryAt(long id, OffsetDateTime at, Integer status, String error) {
        jdbc.sql("""
                update webhook_delivery set state = 'PENDING', next_attempt_at = ?, last_status = ?, last_error = ?
                where id = ?""").params(at, status, error, id).update();
    }

    void dead(long id, Integer status, String reason) {
        jdbc.sql("update webhook_delivery set state = 'DEAD', last_status = ?, last_error = ? where id = ?")
                .params(status, reason, id).update();
    }

    /** A merchant's webhook; the secret is masked in {@code toString}. */
    record Webhook(String url, String secret) {
        @Override
        public String toString() {
            return "Webhook[url=" + url + ", secret=****]";
        }
    }

    /** One claimed push. */
    record Push(long id, String merchantId, String payload, int attempt) {
    }
}
