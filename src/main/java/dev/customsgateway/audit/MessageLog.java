package dev.customsgateway.audit;

import dev.customsgateway.core.CustomsMessage;
import dev.customsgateway.core.OrderOrigin;
import dev.customsgateway.core.TransactionScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * WRITTEN with the outbox row, or REJECTED with the outcome) when that entry's transaction commits: one
 * transaction and one lock of the chain head per batch of orders instead of one per stage. Their artefacts are
 * on disk before they are held, and forced to it before the entries commit; their times are those of the
 * stages. A crash before the closing entry leaves no trace of that order's stages; the order has no outcome then
 * and is processed again when the submission is resumed.
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
     * Records an order's closing entry after the entries held for that order. In a transaction, they are appended
     * just before it commits ({@link Closings}), with the other orders closed in it, under one lock of the chain
     * head: a batch of orders holds that lock only for its commit, not while its later orders are processed.
     * Should the transaction roll back, the held entries are held again. Without a transaction they are appended
     * at once, in one of their own.
     */
    public void record(OrderOrigin origin, LogEntry entry) {
        List<LogChain.Timed> held = pending.take(origin);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            Closings closings = Closings.of(this);
            closings.close(origin, held, timed(entry));
            if (entry.stage() == LogStage.REJECTED) {
                // what the order's steps stored was rolled back with them: its index rows, and its forces when they
                // had a transaction of their own; the entries held for it still name those bytes
                closings.held(origin).stream().map(timed -> timed.entry().artefactSha256())
                        .filter(Objects::nonNull).distinct().forEach(store::keep);
            }
            return;
        }
        int heldCount = held.size();
        held.add(timed(entry));
        try {
            chain.appendAll(held);
        } catch (RuntimeException e) {
            pending.restore(origin, held.subList(0, heldCount));
            throw e;
        }
    }

    /**
     * The orders closed in the current transaction, appended to the chain in {@link #beforeCommit}: after the
     * content store has forced their artefacts (which it does first) and before the submission counts are moved
     * (which come after), so every transaction takes the chain head before a submission row and two never wait for
     * each other's lock.
     */
    private static final class Closings implements TransactionSynchronization {

        /** Before the submission counts' synchronization, after the content store's. */
        static final int ORDER = 0;

        private final MessageLog log;
        private final Map<OrderOrigin, Closing> byOrder = new LinkedHashMap<>();

        private Closings(MessageLog log) {
            this.log = log;
        }

        static Closings of(MessageLog log) {
            return TransactionScoped.of(log, () -> new Closings(log));
        }

        /**
         * A second closing of the same order in one transaction supersedes the first: the order's steps failed
         * after it closed, and the savepoint they ran in took the first closing's rows with it (a rejection now
         * follows the entries held before that closing).
         */
        void close(OrderOrigin origin, List<LogChain.Timed> held, LogChain.Timed entry) {
            Closing earlier = byOrder.remove(origin);
            List<LogChain.Timed> entries = new ArrayList<>(held.size() + 5);
            if (earlier != null) {
                entries.addAll(earlier.held());
            }
            entries.addAll(held);
            byOrder.put(origin, new Closing(List.copyOf(entries), entry));
        }

        List<LogChain.Timed> held(OrderOrigin origin) {
            Closing closing = byOrder.get(origin);
            return closing == null ? List.of() : closing.held();
        }

        @Override
        public int getOrder() {
            return ORDER;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            List<LogChain.Timed> all = new ArrayList<>();
            for (Closing closing : byOrder.values()) {
                all.addAll(closing.held());
                all.add(closing.entry());
            }
            if (!all.isEmpty()) {
                log.chain.appendAll(all);
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionScoped.release(log);
            if (status != STATUS_COMMITTED) {
                byOrder.forEach((origin, closing) -> log.pending.restore(origin, closing.held()));
            }
        }

        private record Closing(List<LogChain.Timed> held, LogChain.Timed entry) {
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
                    // another thread's batch may not have forced these artefacts yet (it does so before its commit)
                    held.stream().map(timed -> timed.entry().artefactSha256()).filter(Objects::nonNull)
                            .forEach(store::force);
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
