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

    List<ReceiptView> receipts(String guid) {
        return jdbc.sql("""
                select receipt_type, return_status, return_time, return_info, explanation from customs_receipt
                where guid = ? order by return_time, id""")
                .param(guid)
                .query((rs, n) -> new ReceiptView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
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
    record ReceiptView(String receipt, String status, String time, String info, String explanation) {
    }
}
