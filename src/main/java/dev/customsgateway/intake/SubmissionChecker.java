package dev.customsgateway.intake;

import dev.customsgateway.core.FileFault;
import dev.customsgateway.core.SourceSettings;
import dev.customsgateway.intake.format.RecordReader;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Checks a stored upload as a whole before it is acknowledged ({@code intake-check} route): reads every
 * record once with the format reader, so undecodable bytes, a broken structure, missing columns or a breached
 * limit refuse the file up front, naming where. Only one record is in memory at a time.
 */
@Component("submissionChecker")
class SubmissionChecker {

    private final SubmissionOpener opener;
    private final SubmissionRepository submissions;

    SubmissionChecker(SubmissionOpener opener, SubmissionRepository submissions) {
        this.opener = opener;
        this.submissions = submissions;
    }

    public long check(String submissionId, SourceSettings settings) throws IOException {
        if (settings.format() == SourceSettings.SourceFormat.CUSTOMS_XML) {
            try (java.io.InputStream in = opener.content(submissionId)) {
                CustomsXmlFile.read(in, opener.merchantOf(submissionId));
            }
            submissions.setFormat(submissionId, settings.format().name());
            return 1;
        }
        long records = 0;
        try (RecordReader reader = opener.records(submissionId, settings)) {
            while (reader.hasNext()) {
                reader.next();
                records++;
            }
        }
        if (records == 0) {
            throw new FileFault(422, "FILE_NO_RECORDS", "the file has no orders (a header alone, or nothing)");
        }
        submissions.setFormat(submissionId, settings.format().name());
        return records;
    }
}
