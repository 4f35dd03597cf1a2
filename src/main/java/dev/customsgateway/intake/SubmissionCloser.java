package dev.customsgateway.intake;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/** Marks a submission completed once the {@code pipeline-submission} route has seen all its orders. */
@Component("submissionCloser")
class SubmissionCloser {

    private final SubmissionRepository submissions;
    private final Clock clock;

    SubmissionCloser(SubmissionRepository submissions, Clock clock) {
        this.submissions = submissions;
        this.clock = clock;
    }

    public void close(String submissionId) {
        submissions.markCompleted(submissionId, OffsetDateTime.now(clock));
    }
}
