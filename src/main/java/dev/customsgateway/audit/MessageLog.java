package dev.customsgateway.audit;

import dev.customsgateway.core.CustomsMessage;
import dev.customsgateway.core.OrderOrigin;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends entries to the {@code message_log} table. Append-only: there is no update or delete here. Each entry
 * is written in the caller's transaction, or in its own when there is none, and takes the next place in the
 * hash chain ({@link LogChain}), so that any later edit, deletion, insertion or reordering shows in
 * {@code verify-log}.
 */
@Component
public class MessageLog {

    private final JdbcClient jdbc;
    private final ContentStore store;
    private final LogChain chain;
    private final Clock clock;

    MessageLog(JdbcClient jdbc, ContentStore store, LogChain chain, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.chain = chain;
        this.clock = clock;
    }

    public void record(LogEntry entry) {
        // Microseconds: what both databases store, so the hashed time is the time read back.
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        chain.append(entry.withDetail(truncate(entry.detail())), recordedAt);
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
                from message_log where correlation_id = ? order by seq""")
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

    /** Fits the column (1000 characters) without splitting a surrogate pair, which would not survive UTF-8. */
    private static String truncate(String detail) {
        if (detail == null || detail.length() <= 1000) {
            return detail;
        }
        int end = Character.isHighSurrogate(detail.charAt(996)) ? 996 : 997;
        return detail.substring(0, end) + "...";
    }
}
