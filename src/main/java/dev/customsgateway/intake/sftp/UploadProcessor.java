package dev.customsgateway.intake.sftp;

import dev.customsgateway.audit.LogEntry;
import dev.customsgateway.audit.LogStage;
import dev.customsgateway.audit.MessageLog;
import dev.customsgateway.core.FileFault;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.intake.MerchantRepository;
import dev.customsgateway.intake.Submission;
import dev.customsgateway.intake.SubmissionIntake;
import dev.customsgateway.intake.SubmissionRepository;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Second step of the {@code intake-sftp-scan} route: takes one complete inbox file in. A repeat of content
 * already declared gets a duplicate notice; anything else goes through {@link SubmissionIntake#accept}, which
 * stores the bytes durably and records them before the file leaves the inbox for {@code archive/}. A file
 * refused as a whole gets its error reports at once; the results of accepted files follow from
 * {@link ResultReporter} when the pipeline has finished with them.
 */
@Component("sftpUploadProcessor")
class UploadProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(UploadProcessor.class);
    static final String CHANNEL = "SFTP";
    /** Files fetched from a merchant's own server. */
    static final String POLL_CHANNEL = "SFTP-POLL";

    private final SftpUploads uploads;
    private final MerchantRepository merchants;
    private final SubmissionRepository submissions;
    private final SubmissionIntake intake;
    private final MerchantHomes homes;
    private final UploadCompletion completion;
    private final ResultFiles results;
    private final MessageLog messageLog;
    private final Clock clock;

    UploadProcessor(SftpUploads uploads, MerchantRepository merchants, SubmissionRepository submissions,
            SubmissionIntake intake, MerchantHomes homes, UploadCompletion completion, ResultFiles results,
            MessageLog messageLog, Clock clock) {
        this.uploads = uploads;
        this.merchants = merchants;
        this.submissions = submissions;
        this.intake = intake;
        this.homes = homes;
        this.completion = completion;
        this.results = results;
        this.messageLog = messageLog;
        this.clock = clock;
    }

    public void process(long uploadId) throws IOException {
        SftpUploads.Upload upload = uploads.find(uploadId).filter(u -> "READY".equals(u.state())).orElse(null);
        Optional<Merchant> merchant = upload == null ? Optional.empty() : merchants.findEnabled(upload.merchantId());
        if (merchant.isEmpty()) {
            return; // gone meanwhile, or the merchant is disabled: its files wait
        }
        String name = upload.fileName();
        Path inbox = homes.ensure(merchant.get().id()).resolve(MerchantHomes.INBOX);
        Path file = inbox.resolve(name);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            uploads.delete(uploadId);
            return;
        }
        if (completion.beingWritten(merchant.get().id(), name)) {
            return; // reopened for writing: the open already withdrew completion
        }
        String storedName = ArchiveNames.unique(inbox.resolveSibling(MerchantHomes.ARCHIVE),
                inbox.resolveSibling(MerchantHomes.ERRORS), name);
        takeIn(upload, merchant.get(), file, storedName, inbox.resolveSibling(MerchantHomes.ARCHIVE), CHANNEL);
    }

    /**
     * Takes in a file {@link SftpPoller} fetched from the merchant's own server, exactly as an upload: stored
     * durably (or found to repeat an earlier submission) before this returns, so only then may the caller move
     * or remove the original on the merchant's server. The local copy ends in the merchant's {@code archive/}.
     */
    Taken takeFetched(Merchant merchant, String fileName, Path fetched) throws IOException {
        Path home = homes.ensure(merchant.id());
        String storedName = ArchiveNames.unique(home.resolve(MerchantHomes.ARCHIVE),
                home.resolve(MerchantHomes.ERRORS), fileName);
        long id = uploads.insertFetched(merchant.id(), fileName, OffsetDateTime.now(clock));
        SftpUploads.Upload upload = uploads.find(id).orElseThrow();
        return takeIn(upload, merchant, fetched, storedName, home.resolve(MerchantHomes.ARCHIVE), POLL_CHANNEL);
    }

    private Taken takeIn(SftpUploads.Upload upload, Merchant merchant, Path file, String storedName, Path archive,
            String channel) throws IOException {
        String sha256 = ChecksumSidecars.digest(file);
        Optional<String> earlier = submissions.firstDeclaredWithContent(merchant.id(), sha256);
        if (earlier.isPresent()) {
            duplicate(upload, merchant, file, storedName, sha256, earlier.get(), channel);
            return new Taken(storedName, sha256, true);
        }
        FileFault refusal = accept(upload, merchant, file, storedName, sha256, channel);
        archive(file, archive, storedName);
        if (refusal != null) {
            // written after the move, so a merchant who sees the summary finds the original in archive/ too
            results.refused(merchant.id(), upload.fileName(), storedName, sha256, refusal);
            uploads.reported(upload.id(), storedName, OffsetDateTime.now(clock));
        }
        return new Taken(storedName, sha256, false);
    }

    /** Stores the file as a submission; returns the fault when the file was refused as a whole, else null. */
    private FileFault accept(SftpUploads.Upload upload, Merchant merchant, Path file, String storedName,
            String sha256, String channel) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            Submission submission = intake.accept(merchant, channel, upload.fileName(), in);
            uploads.accepted(upload.id(), submission.id(), storedName);
            if (!submission.contentSha256().equals(sha256)) {
                LOG.warn("SFTP file {} of merchant {} changed while it was taken in; the stored bytes count",
                        upload.fileName(), merchant.id());
            }
            return null;
        } catch (FileFault fault) {
            return fault;
        }
    }

    private void duplicate(SftpUploads.Upload upload, Merchant merchant, Path file, String storedName,
            String sha256, String earlierId, String channel) throws IOException {
        Submission earlier = submissions.find(earlierId).orElseThrow();
        messageLog.record(LogEntry.forSubmission(merchant.id(), earlierId, LogStage.DUPLICATE)
                .withArtefact("upload", sha256, Files.size(file))
                .withDetail(channel + " " + upload.fileName() + ": same content as submission " + earlierId
                        + ", not declared again"));
        results.duplicate(merchant.id(), upload.fileName(), storedName, sha256, earlier);
        Files.delete(file); // the same bytes are stored already, under the earlier submission
        Files.deleteIfExists(sidecarOf(file));
        uploads.reported(upload.id(), storedName, OffsetDateTime.now(clock));
    }

    /** Moves the stored file (and its checksum sidecar) from inbox/ to archive/. */
    private static void archive(Path file, Path archive, String storedName) throws IOException {
        Files.move(file, archive.resolve(storedName), StandardCopyOption.ATOMIC_MOVE);
        Path sidecar = sidecarOf(file);
        if (Files.isRegularFile(sidecar, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(sidecar, archive.resolve(storedName + UploadNames.SIDECAR_SUFFIX),
                    StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static Path sidecarOf(Path file) {
        return file.resolveSibling(file.getFileName() + UploadNames.SIDECAR_SUFFIX);
    }

    /**
     * What became of a file taken in.
     *
     * @param storedName its name in {@code archive/}, and the stem of its reports
     * @param duplicate  it repeated an earlier submission and was not declared again
     */
    record Taken(String storedName, String sha256, boolean duplicate) {
    }
}
