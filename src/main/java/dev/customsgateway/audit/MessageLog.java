package dev.customsgateway.audit;

import dev.customsgateway.core.CustomsMessage;
import dev.customsgateway.core.OrderOrigin;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends entries to the {@code message_log} table. Append-only: there is no update or delete here. Each entry
 * is written in the caller's transaction, or in its own when there is none.
 */
@Component
public class MessageLog {

    private final JdbcClient jdbc;
    private final ContentStore store;
    private final Clock clock;

    MessageLog(JdbcClient jdbc, ContentStore store, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.clock = clock;
    }

    public void record(LogEntry entry) {
        jdbc.sql("""
                insert into message_log (correlation_id, merchant_id, submission_id, stage, message_type, order_no,
                    guid, artefact_kind, artefact_sha256, artefact_size, detail, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(entry.correlationId(), entry.merchantId(), entry.submissionId(), entry.stage().name(),
                        entry.messageType(), entry.orderNo(), entry.guid(), entry.artefactKind(),
                        entry.artefactSha256(), entry.artefactSize(), truncate(entry.detail()),
                        OffsetDateTime.now(clock))
                .update();
    }

    /**
     * Stores a message artefact in the content store and records the stage with its digest: the usual way a
     * pipeline stage reports what it produced.
     */
    public void recordMessage(CustomsMessage message, LogStage stage, String artefactKind, byte[] artefact) {
        ContentStore.StoredContent stored = store.put(artefact);
        record(messageEntry(message, stage).withArtefact(artefactKind, stored.sha256(), stored.size()));
    }

    /** Records an order-level stage that produced no artefact of its own. */
    public void recordOrder(OrderOrigin origin, LogStage stage, String detail) {
        record(new LogEntry(origin.submissionId(), origin.merchant().id(), origin.submissionId(), stage, null,
                origin.orderNo(), null, null, null, null, detail));
    }

    /** The entries of one correlation id, oldest first. */
    public List<LogEntry> entries(String correlationId) {
        return jdbc.sql("""
                select correlation_id, merchant_id, submission_id, stage, message_type, order_no, guid,
                    artefact_kind, artefact_sha256, artefact_size, detail
                from message_log where correlation_id = ? order by id""")
                .param(correlationId)
                .query((rs, n) -> new LogEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                        LogStage.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), (Long) rs.getObject(10, Long.class), rs.getString(11)))
                .list();
    }

    private static LogEntry messageEntry(CustomsMessage message, LogStage stage) {
        OrderOrigin origin = message.origin();
        return new LogEntry(message.guid(), origin.merchant().id(), origin.submissionId(), stage,
                message.messageType(), origin.orderNo(), message.guid(), null, null, null, null);
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 997) + "...";
    }
}
