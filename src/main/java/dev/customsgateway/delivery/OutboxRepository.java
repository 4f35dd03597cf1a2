package dev.customsgateway.delivery;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code outbox_message} and {@code delivery_attempt} tables. A claim is a conditional update of one row
 * ({@code state = 'PENDING'} or an expired lease): of several workers or instances racing for a row, exactly
 * one update succeeds, on H2 and PostgreSQL alike.
 */
@Repository
class OutboxRepository {

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String guid, String merchantId, String submissionId, String orderNo, String messageType,
            String destination, String sha256, String fileName, OffsetDateTime now) {
        jdbc.sql("""
                insert into outbox_message (guid, merchant_id, submission_id, order_no, message_type, destination,
                    content_sha256, file_name, state, next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
                .params(guid, merchantId, submissionId, orderNo, messageType, destination, sha256, fileName, now, now)
                .update();
    }

    /**
     * Claims due messages: pending ones whose time has come, and "sending" ones whose lease ran out (the worker
     * died mid-send). The claim itself marks the row as being sent, committed before anything goes out.
     */
    List<OutboxItem> claimDue(OffsetDateTime now, OffsetDateTime leaseUntil, int limit) {
        List<Long> candidates = jdbc.sql("""
                select id from outbox_message
                where (state = 'PENDING' and next_attempt_at <= ?) or (state = 'SENDING' and claimed_until < ?)
                order by next_attempt_at, id limit ?""")
                .params(now, now, limit).query(Long.class).list();
        List<OutboxItem> claimed = new ArrayList<>();
        for (Long id : candidates) {
            int won = jdbc.sql("""
                    update outbox_message set state = 'SENDING', attempts = attempts + 1, claimed_until = ?
                    where id = ? and ((state = 'PENDING' and next_attempt_at <= ?)
                        or (state = 'SENDING' and claimed_until < ?))""")
                    .params(leaseUntil, id, now, now).update();
            if (won == 1) {
                claimed.add(find(id));
            }
        }
        return claimed;
    }

    void delivered(long id, OffsetDateTime now) {
        jdbc.sql("""
                update outbox_message set state = 'DELIVERED', delivered_at = ?, claimed_until = null, last_error = null
                where id = ?""").params(now, id).update();
    }

    void retryAt(long id, OffsetDateTime at, String error, boolean countAttempt) {
        jdbc.sql("""
                update outbox_message set state = 'PENDING', next_attempt_at = ?, claimed_until = null,
                    last_error = ?, attempts = attempts - ? where id = ?""")
                .params(at, error, countAttempt ? 0 : 1, id).update();
    }

    void dead(long id, String reason) {
        jdbc.sql("update outbox_message set state = 'DEAD', claimed_until = null, last_error = ? where id = ?")
                .params(reason, id).update();
    }

    /** Puts a dead-lettered message back in line with a fresh set of attempts; false if it is not dead. */
    boolean replay(String guid, String merchantId, OffsetDateTime now) {
        return jdbc.sql("""
                update outbox_message set state = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = null
                where guid = ? and merchant_id = ? and state = 'DEAD'""")
                .params(now, guid, merchantId).update() == 1;
    }

    void attempt(long outboxId, int attempt, OffsetDateTime start, OffsetDateTime end, String outcome,
            Integer status, String responseSha256, String detail) {
        jdbc.sql("""
                insert into delivery_attempt (outbox_id, attempt, started_at, ended_at, outcome, status_code,
                    response_sha256, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(outboxId, attempt, start, end, outcome, status, responseSha256, clip(detail))
                .update();
    }

    private OutboxItem find(long id) {
        return jdbc.sql("""
                select id, guid, merchant_id, submission_id, order_no, message_type, destination, content_sha256,
                    file_name, attempts
                from outbox_message where id = ?""")
                .param(id)
                .query((rs, n) -> new OutboxItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getInt(10)))
                .single();
    }

    private static String clip(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }
}
