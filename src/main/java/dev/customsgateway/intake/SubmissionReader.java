package dev.customsgateway.intake;

import dev.customsgateway.audit.ContentStore;
import dev.customsgateway.audit.LogEntry;
import dev.customsgateway.audit.LogStage;
import dev.customsgateway.audit.MessageLog;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.core.OrderOrigin;
import dev.customsgateway.core.SubmittedOrder;
import java.io.Closeable;
import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens a stored submission as a stream of orders for the pipeline route ({@code pipeline-submission}): marks
 * it as processing and reads its bytes back from the content store, skipping orders that already have an outcome
 * so a restart carries on where it stopped.
 */
@Component("submissionReader")
class SubmissionReader {

    private final SubmissionRepository submissions;
    private final MerchantRepository merchants;
    private final ContentStore store;
    private final MessageLog messageLog;
    private final JsonMapper json;

    SubmissionReader(SubmissionRepository submissions, MerchantRepository merchants, ContentStore store,
            MessageLog messageLog, JsonMapper json) {
        this.submissions = submissions;
        this.merchants = merchants;
        this.store = store;
        this.messageLog = messageLog;
        this.json = json;
    }

    public Iterator<SubmittedOrder> read(String submissionId) throws IOException {
        Submission submission = submissions.find(submissionId)
                .orElseThrow(() -> new IllegalStateException("no submission " + submissionId));
        Merchant merchant = merchants.findEnabled(submission.merchantId())
                .orElseThrow(() -> new IllegalStateException("merchant " + submission.merchantId() + " is disabled"));
        if (!submissions.claim(submissionId)) {
            return Collections.emptyIterator(); // queued twice (sweep and hand-off): the other one has it
        }
        CsvOrderReader reader = new CsvOrderReader(store.open(submission.contentSha256()), merchant, submissionId,
                submissions.ordersWithOutcome(submissionId));
        return new LoggingIterator(reader);
    }

    /** Records each order read (as canonical JSON) in the message log as it passes to the pipeline. */
    private final class LoggingIterator implements Iterator<SubmittedOrder>, Closeable {
        private final CsvOrderReader reader;

        LoggingIterator(CsvOrderReader reader) {
            this.reader = reader;
        }

        @Override
        public boolean hasNext() {
            return reader.hasNext();
        }

        @Override
        public SubmittedOrder next() {
            SubmittedOrder order = reader.next();
            if (order.readable()) {
                ContentStore.StoredContent stored = store.put(json.writeValueAsBytes(order.order()));
                OrderOrigin origin = order.origin();
                messageLog.record(new LogEntry(origin.submissionId(), origin.merchant().id(), origin.submissionId(),
                        LogStage.PARSED, null, origin.orderNo(), null, "canonical-order", stored.sha256(),
                        stored.size(), "row " + origin.sourceRow()));
            }
            return order;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
