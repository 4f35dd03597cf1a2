package dev.customsgateway.receipts;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Correlates receipt entries to outbox messages and keeps them in {@code customs_receipt}, once each: the same
 * entry received twice (customs repeats itself, the sandbox can be told to) is stored once.
 */
@Repository
class ReceiptRepository {

    private final JdbcClient jdbc;

    ReceiptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The message a receipt answers: by guid, else the latest message with that order number. */
    Optional<Correlated> correlate(ReceiptEntry entry) {
        Optional<Correlated> byGuid = entry.guid() == null ? Optional.empty() : jdbc.sql("""
                select guid, merchant_id, submission_id from outbox_message where guid = ?""")
                .param(entry.guid())
                .query((rs, n) -> new Correlated(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
        if (byGuid.isPresent() || entry.orderNo() == null) {
            return byGuid;
        }
        // By order number: the message that names it, or a passthrough message that carries it as a later record
        // (message_order), whose receipts come one per record under the record's own guid.
        return jdbc.sql("""
                select id, guid, merchant_id, submission_id from outbox_message where order_no = ?
                union all
                select m.id, m.guid, m.merchant_id, m.submission_id from message_order d
                join outbox_message m on m.guid = d.guid where d.order_no = ?
                order by 1 desc limit 1""")
                .params(entry.orderNo(), entry.orderNo())
                .query((rs, n) -> new Correlated(rs.getString(2), rs.getString(3), rs.getString(4))).optional();
    }

    /** Stores the entry; false when exactly this entry was stored before. */
    boolean store(ReceiptEntry entry, Correlated message, String explanation, String receiptSha256,
            OffsetDateTime now) {
        try {
            jdbc.sql("""
                    insert into customs_receipt (guid, merchant_id, receipt_type, order_no, return_status, return_time,
                        return_info, explanation, receipt_sha256, received_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(message == null ? entry.guid() : message.guid(),
                            message == null ? null : message.merchantId(), entry.receiptType(), entry.orderNo(),
                            entry.returnStatus(), entry.returnTime() == null ? "" : entry.returnTime(),
                            clip(entry.returnInfo()), explanation, receiptSha256, now)
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private static String clip(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }

    /** The outbox message a receipt belongs to. */
    record Correlated(String guid, String merchantId, String submissionId) {
    }
}
