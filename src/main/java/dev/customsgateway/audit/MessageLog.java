package dev.customsgateway.audit;

import dev.customsgateway.core.CustomsMessage;
import dev.customsgateway.core.OrderOrigin;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends entries to the {@code message_log} table. Append-only: there is no update or delete here. Each entry
 * is written in the caller's transaction, or in its own when there is none, and takes the next place in the
 * hash chain ({@link LogChain}), so that any later edit, deletion, insertion or reordering shows in
 * {@code verify-log}.
 *
 * <p>The stages of an order in the pipeline (PARSED, MAPPED, SIGNED, VALIDATED) are held ({@link #defer},
 * {@link #recordMessage}) and appended with the order's closing entry ({@link #record(OrderOrigin, LogEntry)}:
 * WRITTEN with the outbox row, or REJECTED with the outcome) in that entry's transaction: one transaction and one
 * lock of the chain head per order instead of one per stage. Their artefacts are durable before they are held,
 * and their times are those of the stages. A crash before the closing entry leaves no trace of that order's
 * stages; the order has no outcome then and is processed again when the submission is resumed.
 */
@Component
public class MessageLog {

    private final JdbcClient jdbc;
    private final ContentStore store;
    private final LogChain chain;
    private final Clock clock;
    private final PendingEntries pending = new PendingEntries();

    MessageLog(JdbcClient jdbc, ContentStore store, LogChain chain, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.chain = chain;
        this.clock = clock;
    }

    public void record(LogEntry entry) {
        chain.append(entry.withDetail(truncate(entry.detail())), now());
    }

    /**
     * Records an order's closing entry after the entries held for that order, all in the caller's transaction
     * (or one of their own). Should that transaction roll back, the held entries are held again.
     */
    public void record(OrderOrigin origin, LogEntry entry) {
        List<LogChain.Timed> held = pending.take(origin);
        int heldCount = held.size();
        held.add(timed(entry));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            List<LogChain.Timed> restore = List.copyOf(held.subList(0, heldCount));
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        pending.restore(origin, restore);
                    }
                }
            });
        }
        try {
            chain.appendAll(held);
        } catch (RuntimeException e) {
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                pending.restore(origin, held.subList(0, heldCount));
            }
            throw e;
        }
    }

    /**
     * Holds an entry of an order in the pipeline until its closing entry. Its artefact, if any, must be durable
     * in the content store already.
     */
    public void defer(OrderOrigin origin, LogEntry entry) {
        if (pending.hold(origin, timed(entry))) {
            flushHeld();
        }
    }

    /**
     * Stores a message artefact in the content store and holds the stage with its digest until the order
     * closes: the usual way a pipeline stage reports what it produced.
     */
    public void recordMessage(CustomsMessage message, LogStage stage, String artefactKind, byte[] artefact) {
        ContentStore.StoredContent stored = store.put(message.origin().merchant().id(), artefact);
        defer(message.origin(),
                messageEntry(message, stage).withArtefact(artefactKind, stored.sha256(), stored.size()));
    }

    /** Holds a pipeline stage of a message that produced no artefact of its own until the order closes. */
    public void recordMessage(CustomsMessage message, LogStage stage, String detail) {
        defer(message.origin(), messageEntry(message, stage).withDetail(detail));
    }

    /** Records an order-level stage that produced no artefact of its own; it closes the order. */
    public void recordOrder(OrderOrigin origin, LogStage stage, String detail) {
        record(origin, new LogEntry(origin.submissionId(), origin.merchant().id(), origin.submissionId(), stage,
                null, origin.orderNo(), null, null, null, null, detail));
    }

    /** Commits the entries held for orders that have not closed, each order in its own transaction. */
    void flushHeld() {
        for (OrderOrigin origin : pending.orders()) {
            List<LogChain.Timed> held = pending.take(origin);
            if (!held.isEmpty()) {
                try {
                    chain.appendAll(held);
                } catch (RuntimeException e) {
                    pending.restore(origin, held);
                    throw e;
                }
            }
        }
    }

    private LogChain.Timed timed(LogEntry entry) {
        return new LogChain.Timed(entry.withDetail(truncate(entry.detail())), now());
    }

    /** Microseconds: what both databases store, so the hashed time is the time read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
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
