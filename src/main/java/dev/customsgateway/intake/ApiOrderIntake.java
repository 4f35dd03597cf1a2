package dev.customsgateway.intake;

import dev.customsgateway.audit.ContentStore;
import dev.customsgateway.audit.LogEntry;
import dev.customsgateway.audit.LogStage;
import dev.customsgateway.audit.MessageLog;
import dev.customsgateway.core.Merchant;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes an order request of {@code POST /api/v1/orders} in: the body, already read as valid orders by
 * {@link ApiOrderReader}, is stored byte for byte in the content store and recorded as a submission of format
 * {@value #FORMAT} with its RECEIVED log entry, in one transaction, before the caller gets 202. Then it is queued
 * for the {@code intake-orders} route, which feeds each order to the same {@code pipeline-order} route that file
 * submissions go through.
 */
@Component
class ApiOrderIntake {

    /** The submission format of order requests; the recovery routes tell them from files by it. */
    static final String FORMAT = "ORDER_JSON";
    private static final Logger LOG = LoggerFactory.getLogger(ApiOrderIntake.class);

    private final ContentStore store;
    private final SubmissionRepository submissions;
    private final MessageLog messageLog;
    private final ProducerTemplate producer;
    private final HttpApiProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    ApiOrderIntake(ContentStore store, SubmissionRepository submissions, MessageLog messageLog,
            ProducerTemplate producer, HttpApiProperties properties, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.submissions = submissions;
        this.messageLog = messageLog;
        this.producer = producer;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    Submission accept(Merchant merchant, byte[] body, int orders) {
        // the bytes are forced to disk inside the transaction, before it commits their index row, the submission
        // and its RECEIVED entry: one commit per request, and nothing is acknowledged that is not stored
        Submission submission = tx.execute(s -> {
            ContentStore.StoredContent stored = store.put(merchant.id(), body);
            Submission received = new Submission(UUID.randomUUID().toString(), merchant.id(), "HTTP", FORMAT,
                    "orders.json", stored.sha256(), stored.size(), SubmissionStatus.RECEIVED, 0, 0, null,
                    OffsetDateTime.now(clock), null);
            submissions.insert(received);
            messageLog.record(LogEntry.forSubmission(merchant.id(), received.id(), LogStage.RECEIVED)
                    .withArtefact("order-request", stored.sha256(), stored.size())
                    .withDetail("HTTP POST /api/v1/orders, " + orders + (orders == 1 ? " order" : " orders")));
            return received;
        });
        try {
            producer.sendBody(properties.orderUri(), submission.id());
        } catch (RuntimeException e) {
            LOG.warn("Order request {} is stored but could not be queued now; the order sweep will queue it",
                    submission.id(), e);
        }
        return submission;
    }
}
