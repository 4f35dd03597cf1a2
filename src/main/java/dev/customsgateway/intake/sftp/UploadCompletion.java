package dev.customsgateway.intake.sftp;

import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.springframework.stereotype.Component;

/**
 * Decides when an inbox file is complete, from what the SFTP session does. Closing a write handle alone is not
 * completion: an interrupted {@code put} closes it too. Complete is: a rename from a temporary name
 * ({@code .part}, {@code .filepart}, {@code .tmp}) to a final one, or a {@code <name>.sha256} that matches
 * {@code <name>} (checked whichever of the two arrives last). Also tracks open write handles, so the
 * opt-in quiet-period mode ({@link ReadyUploads}) never takes a file that is still being written.
 */
@Component
class UploadCompletion implements SftpEventListener {

    private final Map<Handle, String> openWrites = new ConcurrentHashMap<>();
    private final SftpUploads uploads;
    private final ChecksumSidecars sidecars;
    private final Clock clock;

    UploadCompletion(SftpUploads uploads, ChecksumSidecars sidecars, Clock clock) {
        this.uploads = uploads;
        this.sidecars = sidecars;
        this.clock = clock;
    }

    /** True while some session has the inbox file open for writing. */
    boolean beingWritten(String merchantId, String fileName) {
        return openWrites.containsValue(key(merchantId, fileName));
    }

    @Override
    public void open(ServerSession session, String remoteHandle, Handle local) {
        String name = writtenInboxFile(local);
        if (name != null) {
            String merchant = MerchantFileSystemFactory.merchantOf(session);
            openWrites.put(local, key(merchant, name));
            uploads.discardReady(merchant, name); // rewriting a complete file makes it incomplete again
        }
    }

    @Override
    public void closed(ServerSession session, String remoteHandle, Handle local, Throwable thrown)
            throws IOException {
        openWrites.remove(local);
        String name = writtenInboxFile(local);
        if (name == null) {
            return;
        }
        String merchant = MerchantFileSystemFactory.merchantOf(session);
        if (UploadNames.sidecar(name)) {
            sidecars.check(merchant, name);
        } else if (UploadNames.data(name) && sidecars.exists(merchant, name + UploadNames.SIDECAR_SUFFIX)) {
            sidecars.check(merchant, name + UploadNames.SIDECAR_SUFFIX);
        }
    }

    @Override
    public void exiting(ServerSession session, Handle local) {
        openWrites.remove(local);
    }

    @Override
    public void moved(ServerSession session, Path src, Path dst, Collection<CopyOption> opts, Throwable thrown)
            throws IOException {
        String from = MerchantHomes.inboxFileName(src);
        String to = MerchantHomes.inboxFileName(dst);
        if (thrown != null || from == null || to == null) {
            return;
        }
        String merchant = MerchantFileSystemFactory.merchantOf(session);
        uploads.discardReady(merchant, from);
        if (!UploadNames.temporary(from) || UploadNames.temporary(to)) {
            return;
        }
        if (UploadNames.sidecar(to)) {
            sidecars.check(merchant, to);
        } else if (UploadNames.data(to)) {
            uploads.markReady(merchant, to, OffsetDateTime.now(clock));
        }
    }

    @Override
    public void removed(ServerSession session, Path path, boolean isDirectory, Throwable thrown) {
        String name = MerchantHomes.inboxFileName(path);
        if (thrown == null && name != null) {
            uploads.discardReady(MerchantFileSystemFactory.merchantOf(session), name);
        }
    }

    private static String writtenInboxFile(Handle local) {
        if (local instanceof FileHandle file && file.getOpenOptions().stream().anyMatch(WRITES::contains)) {
            return MerchantHomes.inboxFileName(file.getFile());
        }
        return null;
    }

    private static final Set<java.nio.file.StandardOpenOption> WRITES = Set.of(
            java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.APPEND);

    private static String key(String merchantId, String fileName) {
        return merchantId + "/" + fileName;
    }
}
