package dev.customsgateway.audit;

import dev.customsgateway.core.OrderOrigin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Log entries of orders still in the pipeline, held until the order's closing entry (WRITTEN or REJECTED) so
 * that all of an order's entries take one transaction and one lock of the chain head instead of one each. Only
 * entries whose artefact is already durable in the content store are held, so committing them later proves the
 * same. An order that never closes (skipped on a restart, or failed where nothing records it) does not pile up:
 * past {@link #LIMIT} orders, {@link MessageLog} commits everything held.
 */
final class PendingEntries {

    /** Orders held at most; far more than the pipeline's workers have in flight. */
    static final int LIMIT = 1024;

    private final Map<OrderOrigin, List<LogChain.Timed>> byOrder = new ConcurrentHashMap<>();

    /** Holds an entry; true when more orders than {@link #LIMIT} are held and they should be committed. */
    boolean hold(OrderOrigin origin, LogChain.Timed entry) {
        byOrder.compute(origin, (o, held) -> {
            List<LogChain.Timed> list = held == null ? new ArrayList<>(4) : held;
            list.add(entry);
            return list;
        });
        return byOrder.size() > LIMIT;
    }

    /** Takes the entries held for an order, oldest first (empty when there are none). */
    List<LogChain.Timed> take(OrderOrigin origin) {
        List<LogChain.Timed> held = byOrder.remove(origin);
        return held == null ? new ArrayList<>(1) : held;
    }

    /** Puts entries back in front of any held since, after the transaction that took them rolled back. */
    void restore(OrderOrigin origin, List<LogChain.Timed> entries) {
        if (entries.isEmpty()) {
            return;
        }
        byOrder.compute(origin, (o, held) -> {
            List<LogChain.Timed> list = new ArrayList<>(entries);
            if (held != null) {
                list.addAll(held);
            }
            return list;
        });
    }

    /** Every order with held entries. */
    List<OrderOrigin> orders() {
        return List.copyOf(byOrder.keySet());
    }
}
