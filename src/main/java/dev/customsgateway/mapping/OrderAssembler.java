package dev.customsgateway.mapping;

import dev.customsgateway.audit.ContentStore;
import dev.customsgateway.audit.LogEntry;
import dev.customsgateway.audit.LogStage;
import dev.customsgateway.audit.MessageLog;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.core.OrderOrigin;
import dev.customsgateway.core.SourceRecord;
import dev.customsgateway.core.SubmittedOrder;
import java.util.Iterator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a stream of source records into a stream of canonical orders with the merchant's profile, and records
 * each order read in the message log (as canonical JSON). Used by the {@code pipeline-submission} route, whose
 * split takes the orders batch by batch however big the file, and by {@code pipeline-batch}, which records them.
 */
@Component("orderAssembler")
class OrderAssembler {

    private final LookupTables lookups;
    private final MessageLog messageLog;
    private final ContentStore store;
    private final JsonMapper json;

    OrderAssembler(LookupTables lookups, MessageLog messageLog, ContentStore store, JsonMapper json) {
        this.lookups = lookups;
        this.messageLog = messageLog;
        this.store = store;
        this.json = json;
    }

    /**
     * The orders of a stream of source records, read with the merchant's profile. Nothing is recorded yet: the
     * all-or-nothing pre-check reads a file once before the pass that declares it, and each order is recorded
     * ({@link #recordParsed}) in the transaction of the batch that processes it.
     */
    public Iterator<SubmittedOrder> assemble(Iterator<SourceRecord> records, MappingProfile profile,
            Merchant merchant, String submissionId) {
        return new OrderStream(records, profile, lookups, merchant, submissionId);
    }

    /**
     * Stores an order as read (canonical JSON) and holds its PARSED entry until the order closes; in the caller's
     * transaction, so its content index commits with the batch even when the order itself is then rejected.
     */
    public SubmittedOrder recordParsed(SubmittedOrder order) {
        if (!order.readable()) {
            return order;
        }
        ContentStore.StoredContent stored = store.put(order.origin().merchant().id(),
                json.writeValueAsBytes(order.order()));
        OrderOrigin origin = order.origin();
        messageLog.defer(origin, new LogEntry(origin.submissionId(), origin.merchant().id(), origin.submissionId(),
                LogStage.PARSED, null, origin.orderNo(), null, "canonical-order", stored.sha256(), stored.size(),
                "row " + origin.sourceRow()));
        return order;
    }
}
