package dev.customsgateway.intake.sftp;

import dev.customsgateway.core.RowError;
import dev.customsgateway.intake.Submission;
import dev.customsgateway.intake.SubmissionRepository;
import dev.customsgateway.intake.SubmissionStatus;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Last step of the {@code intake-sftp-scan} route: for SFTP uploads whose submission the pipeline has finished
 * (completed, or refused while processing), writes the summary into {@code archive/} and the error reports
 * into {@code errors/}, once.
 */
@Component("sftpResultReporter")
class ResultReporter {

    /** Error rows written per report; a file with more errors than this is beyond repair row by row anyway. */
    private static final int MAX_ERRORS = 1_000_000;

    private final SftpUploads uploads;
    private final SubmissionRepository submissions;
    private final ResultFiles results;
    private final Clock clock;

    ResultReporter(SftpUploads uploads, SubmissionRepository submissions, ResultFiles results, Clock clock) {
        this.uploads = uploads;
        this.submissions = submissions;
        this.results = results;
        this.clock = clock;
    }

    public void report() {
        for (SftpUploads.Upload upload : uploads.awaitingResult()) {
            Submission s = submissions.find(upload.submissionId()).orElseThrow();
            if (s.status() != SubmissionStatus.COMPLETED && s.status() != SubmissionStatus.REFUSED) {
                continue;
            }
            List<RowError> errors = submissions.errors(s.id(), MAX_ERRORS);
            if (errors.isEmpty() && s.status() == SubmissionStatus.REFUSED) {
                errors = List.of(new RowError(0, null, null, "FILE_REFUSED", String.valueOf(s.problem())));
            }
            results.finished(upload.merchantId(), upload.storedName(), s, errors);
            uploads.reported(upload.id(), upload.storedName(), OffsetDateTime.now(clock));
        }
    }
}
