package dev.customsgateway.intake.sftp;

import dev.customsgateway.core.FileFault;
import dev.customsgateway.core.RowError;
import dev.customsgateway.intake.ErrorReport;
import dev.customsgateway.intake.Submission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The files a merchant finds after an upload: a short summary beside the original in {@code archive/}
 * ({@code <name>.result.txt}), and, when something went wrong, {@code <name>.errors.csv} (formulas neutralised)
 * and {@code <name>.errors.json} in {@code errors/}, or {@code <name>.duplicate.txt} for a repeat.
 */
@Component
class ResultFiles {

    private final MerchantNotices files;
    private final JsonMapper json;

    ResultFiles(MerchantNotices files, JsonMapper json) {
        this.files = files;
        this.json = json;
    }

    /** The file was refused as a whole before any order was read. */
    void refused(String merchantId, String fileName, String storedName, String sha256, FileFault fault) {
        List<RowError> errors = List.of(new RowError(0, null, null, fault.code(), fault.getMessage()));
        writeErrors(merchantId, fileName, storedName, null, "REFUSED", errors);
        files.write(merchantId, MerchantHomes.ARCHIVE, storedName + ".result.txt", """
                file: %s
                sha256: %s
                status: REFUSED (%s)
                reason: %s
                orders: none declared
                errors: errors/%s.errors.csv and .errors.json
                """.formatted(fileName, sha256, fault.code(), fault.getMessage(), storedName));
    }

    /** The pipeline finished with the submission: summary, and error reports when any order failed. */
    void finished(String merchantId, String storedName, Submission s, List<RowError> errors) {
        boolean reports = !errors.isEmpty();
        if (reports) {
            writeErrors(merchantId, s.fileName(), storedName, s.id(), s.status().name(), errors);
        }
        files.write(merchantId, MerchantHomes.ARCHIVE, storedName + ".result.txt", """
                file: %s
                sha256: %s
                submission: %s
                received: %s
                status: %s%s
                orders: %d read, %d declared, %d failed
                errors: %s
                """.formatted(s.fileName(), s.contentSha256(), s.id(), s.receivedAt(), s.status(),
                s.problem() == null ? "" : " (" + s.problem() + ")", s.ordersReceived(), s.ordersSucceeded(),
                s.ordersFailed(), reports ? "errors/" + storedName + ".errors.csv and .errors.json" : "none"));
    }

    void duplicate(String merchantId, String fileName, String storedName, String sha256, Submission earlier) {
        files.write(merchantId, MerchantHomes.ERRORS, storedName + ".duplicate.txt", """
                DUPLICATE: %s was not processed.
                Its content (SHA-256 %s) was already received on %s as submission %s (file %s, status %s).
                The same orders are not declared twice, and the copy was removed from inbox/.
                To declare changed orders, upload a file with the changes.
                """.formatted(fileName, sha256, earlier.receivedAt(), earlier.id(), earlier.fileName(),
                earlier.status()));
    }

    private void writeErrors(String merchantId, String fileName, String storedName, String submissionId,
            String status, List<RowError> errors) {
        files.write(merchantId, MerchantHomes.ERRORS, storedName + ".errors.csv", ErrorReport.csv(fileName, errors));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("file", fileName);
        report.put("submissionId", submissionId);
        report.put("status", status);
        report.put("errors", ErrorReport.json(fileName, errors));
        files.write(merchantId, MerchantHomes.ERRORS, storedName + ".errors.json",
                json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    }
}
