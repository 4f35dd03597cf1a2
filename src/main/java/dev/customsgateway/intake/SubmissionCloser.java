package dev.customsgateway.intake;

import dev.customsgateway.core.FileFault;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/**
 * Ends a submission's processing for the {@code pipeline-submission} route: completed once every order has an
 * outcome, or refused when the file turns out to be unreadable after all (other faults leave it unfinished, for
 * the recovery routes to retry after a restart).
 */
@Component("submissionCloser")
class SubmissionCloser {

    private final SubmissionRepository submissions;
    private final SubmissionProgress progress;
    private final Clock clock;

    SubmissionCloser(SubmissionRepository submissions, SubmissionProgress progress, Clock clock) {
        this.submissions = submissions;
        this.progress = progress;
        this.clock = clock;
    }

    public void close(String submissionId) {
        submissions.markCompleted(submissionId, OffsetDateTime.now(clock));
        progress.closed(submissionId);
    }

    /** A fault of the whole file found while processing: the submission is refused with the reason. */
    public void fail(String submissionId, Exception cause) {
        progress.closed(submissionId);
        if (cause instanceof FileFault fault) {
            submissions.markRefused(submissionId, fault.code() + ": " + fault.getMessage(), OffsetDateTime.now(clock));
        }
    }
}
