package dev.customsgateway.intake;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads, for the merchant API, what became of a merchant's messages: their delivery state (outbox) and the
 * customs receipts that answered them. Read-only; delivery and receipts own these tables.
 */
@Repository
class MessageRepository {

    private final JdbcClient jdbc;

    MessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MessageView> find(String merchantId, String guid) {
        return jdbc.sql("""
                select guid, message_type, order_no, submission_id, file_name, state, attempts, last_error,
                    content_sha256
                from outbox_message where guid = ? and merchant_id = ?""")
                .params(guid, merchantId)
                .query((rs, n) -> new MessageView(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8),
                        rs.getString(9), List.of()))
                .optional()
                .map(m -> m.withReceipts(receipts(guid)));
    }

    /** The merchant's messages for one order number, newest first, each with its customs timeline. */
    List<MessageView> forOrder(String merchantId, String orderNo) {
        return jdbc.sql("""
                select guid, message_type, order_no, submission_id, file_name, state, attempts, last_error,
                    content_sha256
                from outbox_message where merchant_id = ? and order_no = ? order by id desc limit 50""")
                .params(merchantId, orderNo)
                .query((rs, n) -> new MessageView(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8),
                        rs.getString(9), List.of()))
                .list().stream().map(m -> m.withReceipts(receipts(m.guid()))).toList();
    }

    /** The errors the latest failed attempt to declare this order got (none when its latest attempt succeeded). */
    List<dev.customsgateway.core.RowError> latestErrors(String merchantId, String orderNo) {
        return jdbc.sql("""
                select e.source_row, e.column_name, e.value_shown, e.rule, e.message from submission_error e
                where e.submission_id = (select o.submission_id from submission_order o
                        join submission s on s.id = o.submission_id
                        where s.merchant_id = ? and o.order_no = ? order by o.updated_at desc limit 1)
                  and e.order_no = ? order by e.id""")
                .params(merchantId, orderNo, orderNo)
                .query((rs, n) -> new dev.customsgateway.core.RowError(rs.getInt(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /**
     * The timeline, oldest first, so the last entry is the current status. Customs' returnTime has millisecond
     * precision and the e-port often stamps its own stage (1-4: saved, declaring, sent, send failed) and the
     * customs result with the same instant, and receipts may arrive in either order: at a tie the e-port stage
     * comes first, so "declared" never hides "accepted".
     */
    List<ReceiptView> receipts(String guid) {
        return jdbc.sql("""
                select receipt_type, return_status, return_time, return_info, explanation, receipt_sha256
                from customs_receipt where guid = ?
                order by return_time, case when return_status in ('1', '2', '3', '4') then 0 else 1 end, id""")
                .param(guid)
                .query((rs, n) -> new ReceiptView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), "/api/v1/messages/" + guid + "/receipts/" + rs.getString(6)))
                .list();
    }

    /** A message and its customs timeline. */
    record MessageView(String guid, String messageType, String orderNo, String submissionId, String fileName,
            String delivery, int attempts, String lastError, String contentSha256, List<ReceiptView> customs) {

        MessageView withReceipts(List<ReceiptView> receipts) {
            return new MessageView(guid, messageType, orderNo, submissionId, fileName, delivery, attempts, lastError,
                    contentSha256, receipts);
        }
    }

    /** One receipt entry, with the code explained. */
    record ReceiptView(String receipt, String status, String time, String info, String explanation, String xmlUrl) {
    }
}
