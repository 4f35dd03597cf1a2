package dev.customsgateway.delivery;

import dev.customsgateway.audit.ContentStore;
import dev.customsgateway.audit.LogEntry;
import dev.customsgateway.audit.LogStage;
import dev.customsgateway.audit.MessageLog;
import dev.customsgateway.core.CustomsMessage;
import dev.customsgateway.core.OrderOrigin;
import dev.customsgateway.core.SecureXml;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits a message (signed, unless its family is not) to the outbox table (its bytes in the content store)
 * before any delivery attempt, with its WRITTEN log entry in the same transaction, addressed to its family's
 * destination. Used last in the {@code pipeline-order} route; returns the message's file name
 * ({@code CEB311_<orderNo>_<guid>.xml}).
 */
@Component("outbox")
class Outbox {

    private final OutboxRepository outbox;
    private final ContentStore store;
    private final MessageLog messageLog;
    private final DeliveryProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    Outbox(OutboxRepository outbox, ContentStore store, MessageLog messageLog, DeliveryProperties properties,
            TransactionTemplate tx, Clock clock) {
        this.outbox = outbox;
        this.store = store;
        this.messageLog = messageLog;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    public String enqueue(CustomsMessage message) {
        byte[] xml = message.asReceived() != null ? message.asReceived() : SecureXml.serialize(message.document());
        ContentStore.StoredContent stored = store.put(message.origin().merchant().id(), xml);
        OrderOrigin origin = message.origin();
        String name = OutboxNames.of(message.messageType(), origin.orderNo(), message.guid());
        String destination = properties.destinationFor(message.messageType());
        tx.executeWithoutResult(s -> {
            outbox.insert(message.guid(), origin.merchant().id(), origin.submissionId(), origin.orderNo(),
                    message.messageType(), destination, stored.sha256(), name, OffsetDateTime.now(clock));
            messageLog.record(origin, new LogEntry(message.guid(), origin.merchant().id(), origin.submissionId(),
                    LogStage.WRITTEN, message.messageType(), origin.orderNo(), message.guid(), "outbox-xml",
                    stored.sha256(), stored.size(), "destination " + destination));
        });
        return name;
    }
}
