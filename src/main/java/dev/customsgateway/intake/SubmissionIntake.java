package dev.customsgateway.intake;

import dev.customsgateway.audit.ContentStore;
import dev.customsgateway.audit.LogEntry;
import dev.customsgateway.audit.LogStage;
import dev.customsgateway.audit.MessageLog;
import dev.customsgateway.core.FileFault;
import dev.customsgateway.core.Merchant;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a merchant's file in, whatever the channel: stores the bytes durably, records the submission and its
 * RECEIVED log entry in one transaction, checks the file as a whole, and hands the submission to the pipeline.
 * Only after the first two steps may a channel acknowledge the upload.
 */
@Component
public class SubmissionIntake {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionIntake.class);

    private final ContentStore store;
    private final SubmissionRepository submissions;
    private final MessageLog messageLog;
    private final ProducerTemplate producer;
    private final IntakeProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    SubmissionIntake(ContentStore store, SubmissionRepository submissions, MessageLog messageLog,
            ProducerTemplate producer, IntakeProperties properties,
            TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.submissions = submissions;
        this.messageLog = messageLog;
        this.producer = producer;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Stores and accepts an upload. Returns the stored submission; throws {@link FileFault} (after storing and
     * recording the refusal) when the file as a whole cannot be processed.
     */
    public Submission accept(Merchant merchant, String channel, String fileName, InputStream body) throws IOException {
        ContentStore.StoredContent stored = store.put(merchant.id(), body);
        Submission submission = new Submission(UUID.randomUUID().toString(), merchant.id(), channel, "UNKNOWN",
                fileName, stored.sha256(), stored.size(), SubmissionStatus.RECEIVED, 0, 0, null,
                OffsetDateTime.now(clock), null);
        tx.executeWithoutResult(s -> {
            submissions.insert(submission);
            messageLog.record(LogEntry.forSubmission(merchant.id(), submission.id(), LogStage.RECEIVED)
                    .withArtefact("upload", stored.sha256(), stored.size())
                    .withDetail(channel + " " + (fileName == null ? "(unnamed)" : fileName)));
        });
        try {
            check(submission.id());
        } catch (FileFault fault) {
            tx.executeWithoutResult(s -> {
                submissions.markRefused(submission.id(), fault.code() + ": " + fault.getMessage(),
                        OffsetDateTime.now(clock));
                messageLog.record(LogEntry.forSubmission(merchant.id(), submission.id(), LogStage.REFUSED)
                        .withDetail(fault.code() + ": " + fault.getMessage()));
            });
            throw fault;
        }
        handOff(submission.id());
        return submission;
    }

    /** Runs the {@code intake-check} route: the merchant's profile decides how the file is read. */
    private void check(String submissionId) {
        try {
            producer.requestBody(properties.checkUri(), submissionId);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof FileFault fault) {
                throw fault;
            }
            throw e;
        }
    }

    /** Queues the submission; if the queue refuses, the recovery sweep picks it up from the table later. */
    private void handOff(String submissionId) {
        try {
            producer.sendBody(properties.submissionUri(), submissionId);
        } catch (RuntimeException e) {
            LOG.warn("Submission {} is stored but could not be queued now; the recovery sweep will queue it",
                    submissionId, e);
        }
    }
}
