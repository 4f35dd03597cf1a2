package dev.customsgateway.intake;

import dev.customsgateway.audit.ContentStore;
import dev.customsgateway.core.FileFault;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.core.SourceSettings;
import dev.customsgateway.intake.format.FormatReaders;
import dev.customsgateway.intake.format.RecordReader;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.stereotype.Component;

/**
 * Opens stored submissions for the routes: {@link #claim} takes a queued submission for processing (null when
 * another consumer has it), {@link #merchantOf} names its merchant, and {@link #records} reads its stored bytes
 * back from the content store with the format reader the merchant's profile asks for.
 */
@Component("submissionOpener")
class SubmissionOpener {

    private final SubmissionRepository submissions;
    private final MerchantRepository merchants;
    private final ContentStore store;
    private final SubmissionProgress progress;

    SubmissionOpener(SubmissionRepository submissions, MerchantRepository merchants, ContentStore store,
            SubmissionProgress progress) {
        this.submissions = submissions;
        this.merchants = merchants;
        this.store = store;
        this.progress = progress;
    }

    /** Claims the submission; returns its merchant, or null when it is someone else's work or finished. */
    public Merchant claim(String submissionId) {
        if (!submissions.claim(submissionId)) {
            return null; // queued twice (sweep and hand-off): the other one has it
        }
        progress.opened(submissionId, submissions.ordersWithOutcome(submissionId));
        return merchantOf(submissionId);
    }

    public Merchant merchantOf(String submissionId) {
        Submission submission = find(submissionId);
        return merchants.findEnabled(submission.merchantId()).orElseThrow(() -> new FileFault(403,
                "MERCHANT_DISABLED", "merchant " + submission.merchantId() + " is disabled"));
    }

    /** The stored bytes of a submission. */
    InputStream content(String submissionId) throws IOException {
        return store.open(find(submissionId).contentSha256());
    }

    public RecordReader records(String submissionId, SourceSettings settings) throws IOException {
        InputStream in = store.open(find(submissionId).contentSha256());
        try {
            return FormatReaders.open(in, settings);
        } catch (RuntimeException | IOException e) {
            in.close();
            throw e;
        }
    }

    private Submission find(String submissionId) {
        return submissions.find(submissionId)
                .orElseThrow(() -> new IllegalStateException("no submission " + submissionId));
    }
}
