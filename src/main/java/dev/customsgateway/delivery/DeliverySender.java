package dev.customsgateway.delivery;

import dev.customsgateway.audit.ContentStore;
import dev.customsgateway.audit.LogEntry;
import dev.customsgateway.audit.LogStage;
import dev.customsgateway.audit.MessageLog;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes one delivery attempt for a claimed message (the {@code delivery-send} step of the
 * {@code delivery-poll} route): through the destination's transport, unless its circuit is open; records the
 * attempt (own statement, so it survives whatever follows) and the response bytes; then marks the message
 * delivered, schedules the next attempt with backoff, or dead-letters it with the reason.
 */
@Component("deliverySender")
class DeliverySender {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverySender.class);

    private final OutboxRepository outbox;
    private final DeliveryProperties properties;
    private final CircuitBreakers breakers;
    private final HttpTransport http;
    private final FolderTransport folder;
    private final ContentStore store;
    private final MessageLog messageLog;
    private final Clock clock;

    DeliverySender(OutboxRepository outbox, DeliveryProperties properties, CircuitBreakers breakers,
            HttpTransport http, FolderTransport folder, ContentStore store, MessageLog messageLog, Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.breakers = breakers;
        this.http = http;
        this.folder = folder;
        this.store = store;
        this.messageLog = messageLog;
        this.clock = clock;
    }

    public void send(OutboxItem item) throws IOException {
        DeliveryProperties.Destination destination = properties.destinations().get(item.destination());
        if (destination == null) {
            outbox.dead(item.id(), "destination '" + item.destination() + "' is not configured");
            return;
        }
        Instant openUntil = breakers.openUntil(item.destination());
        if (openUntil != null) {
            outbox.retryAt(item.id(), openUntil.atOffset(ZoneOffset.UTC), "circuit open", false);
            return;
        }
        OffsetDateTime start = OffsetDateTime.now(clock);
        TransportResult result = transport(destination).send(item, destination, read(item.contentSha256()));
        OffsetDateTime end = OffsetDateTime.now(clock);
        ContentStore.StoredContent response = store.put(item.merchantId(),
                result.response() == null ? new byte[0] : result.response());
        outbox.attempt(item.id(), item.attempt(), start, end, result.outcome().name(), result.statusCode(),
                response.sha256(), result.detail());
        if (result.delivered()) {
            breakers.success(item.destination());
            outbox.delivered(item.id(), end);
            log(item, LogStage.DELIVERED, response, result.detail());
        } else if (result.outcome() == TransportResult.Outcome.PERMANENT || item.attempt() >= destination.maxAttempts()) {
            failure(item, destination, result);
            String reason = result.outcome() == TransportResult.Outcome.PERMANENT ? result.detail()
                    : "gave up after " + item.attempt() + " attempts; last: " + result.detail();
            outbox.dead(item.id(), reason);
            log(item, LogStage.DEAD_LETTERED, response, reason);
            LOG.warn("Message {} of merchant {} dead-lettered: {}", item.guid(), item.merchantId(), reason);
        } else {
            failure(item, destination, result);
            OffsetDateTime next = end.plus(Backoff.after(item.attempt(), destination, result.retryAfter()));
            outbox.retryAt(item.id(), next, result.detail(), true);
            log(item, LogStage.DELIVERY_FAILED, response, "attempt " + item.attempt() + ": " + result.detail());
        }
    }

    private void failure(OutboxItem item, DeliveryProperties.Destination destination, TransportResult result) {
        if (result.outcome() == TransportResult.Outcome.RETRY) {
            breakers.failure(item.destination(), destination);
        }
    }

    private Transport transport(DeliveryProperties.Destination destination) {
        return destination.transport() == DeliveryProperties.TransportKind.FOLDER ? folder : http;
    }

    private byte[] read(String sha256) throws IOException {
        try (InputStream in = store.open(sha256)) {
            return in.readAllBytes();
        }
    }

    private void log(OutboxItem item, LogStage stage, ContentStore.StoredContent response, String detail) {
        messageLog.record(new LogEntry(item.guid(), item.merchantId(), item.submissionId(), stage, item.messageType(),
                item.orderNo(), item.guid(), "delivery-response", response.sha256(), response.size(),
                item.destination() + ": " + detail));
    }
}
