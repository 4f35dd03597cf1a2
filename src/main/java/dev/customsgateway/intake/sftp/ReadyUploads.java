package dev.customsgateway.intake.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * First step of the {@code intake-sftp-scan} route: lists the complete inbox files waiting to be processed.
 * Before that it applies the opt-in quiet-period mode: for merchants that chose it, a data file that no
 * session has open for writing and that has not changed for the merchant's quiet period counts as complete.
 */
@Component("sftpReadyUploads")
class ReadyUploads {

    private final SftpAccounts accounts;
    private final SftpUploads uploads;
    private final MerchantHomes homes;
    private final UploadCompletion completion;
    private final Clock clock;

    ReadyUploads(SftpAccounts accounts, SftpUploads uploads, MerchantHomes homes, UploadCompletion completion,
            Clock clock) {
        this.accounts = accounts;
        this.uploads = uploads;
        this.homes = homes;
        this.completion = completion;
        this.clock = clock;
    }

    public List<Long> list() {
        for (String merchant : accounts.merchantsWithQuietPeriod()) {
            promoteQuietFiles(merchant, accounts.options(merchant).quietPeriodSeconds());
        }
        return uploads.readyIds();
    }

    private void promoteQuietFiles(String merchant, int quietSeconds) {
        Path inbox = homes.folder(merchant, MerchantHomes.INBOX);
        if (!Files.isDirectory(inbox, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Instant quietSince = clock.instant().minusSeconds(quietSeconds);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(inbox)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (UploadNames.data(name) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        && !completion.beingWritten(merchant, name)
                        && Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(quietSince)
                        && !uploads.isReady(merchant, name)) {
                    uploads.markReady(merchant, name, OffsetDateTime.now(clock));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan the inbox of merchant " + merchant, e);
        }
    }
}
