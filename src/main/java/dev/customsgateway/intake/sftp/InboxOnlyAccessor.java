package dev.customsgateway.intake.sftp;

import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.security.Principal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.sftp.server.DirectoryHandle;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;
import org.springframework.stereotype.Component;

/**
 * What a merchant may do inside its chrooted home: read everywhere, write, rename and delete only files
 * directly in {@code inbox/}; no folders, no links (symbolic or hard), no owner changes. Writes are held to
 * the size limit and new files to the per-minute limit; each breach gets a status message and a notice in
 * {@code errors/}.
 */
@Component
class InboxOnlyAccessor implements SftpFileSystemAccessor {

    private static final Set<StandardOpenOption> WRITING = Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND,
            StandardOpenOption.CREATE, StandardOpenOption.CREATE_NEW, StandardOpenOption.TRUNCATE_EXISTING);

    private static final AttributeKey<Boolean> NEW_FILE_COUNTED = new AttributeKey<>();

    private final SftpLimits limits;
    private final UploadRateLimiter rate;
    private final MerchantNotices notices;
    private final MerchantHomes homes;

    InboxOnlyAccessor(SftpLimits limits, UploadRateLimiter rate, MerchantNotices notices, MerchantHomes homes) {
        this.homes = homes;
        this.limits = limits;
        this.rate = rate;
        this.notices = notices;
    }

    @Override
    public SeekableByteChannel openFile(SftpSubsystemProxy sftp, FileHandle handle, Path file, String handleId,
            Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        noLinks(sftp, file);
        if (options.stream().noneMatch(WRITING::contains)) {
            return SftpFileSystemAccessor.super.openFile(sftp, handle, file, handleId, options, attrs);
        }
        String name = writableInboxName(file);
        String merchant = MerchantFileSystemFactory.merchantOf(sftp.getServerSession());
        SftpLimits.Effective limit = limits.of(merchant);
        // MINA retries the open without attributes when the first try fails: count one file once
        boolean counted = handle.setAttribute(NEW_FILE_COUNTED, Boolean.TRUE) != null;
        if (!counted && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                && !rate.tryAcquire(merchant, limit.filesPerMinute())) {
            notices.notice(merchant, name + ".rate-limited.txt", "The upload of " + name + " was refused: at most "
                    + limit.filesPerMinute() + " new files per minute are accepted. Upload it again in a minute.\n");
            throw new SftpRefusal(file.toString(), "too many files: at most " + limit.filesPerMinute()
                    + " new files per minute; try again in a minute");
        }
        SeekableByteChannel channel = SftpFileSystemAccessor.super.openFile(sftp, handle, file, handleId, options,
                attrs);
        return new SizeLimitedChannel(channel, limit.maxFileBytes(), file.toString(), () -> notices.notice(merchant,
                name + ".too-large.txt", "The upload of " + name + " was refused and removed: it is larger than the "
                        + "limit of " + limit.maxFileBytes() + " bytes.\n"));
    }

    @Override
    public DirectoryStream<Path> openDirectory(SftpSubsystemProxy sftp, DirectoryHandle handle, Path dir,
            String handleId, LinkOption... options) throws IOException {
        noLinks(sftp, dir);
        return SftpFileSystemAccessor.super.openDirectory(sftp, handle, dir, handleId, options);
    }

    @Override
    public Map<String, ?> readFileAttributes(SftpSubsystemProxy sftp, Path file, String view,
            LinkOption... options) throws IOException {
        noLinks(sftp, file.toAbsolutePath().normalize().getParent());
        // attributes of a link itself, never of what it points to
        return SftpFileSystemAccessor.super.readFileAttributes(sftp, file, view, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public String resolveLinkTarget(SftpSubsystemProxy sftp, Path link) throws IOException {
        throw new SftpRefusal(link.toString(), "symbolic links are not followed");
    }

    @Override
    public void closeFile(SftpSubsystemProxy sftp, FileHandle handle, Path file, String handleId, Channel channel,
            Set<? extends OpenOption> options) throws IOException {
        SftpFileSystemAccessor.super.closeFile(sftp, handle, file, handleId, channel, options);
        if (channel instanceof SizeLimitedChannel limited && limited.breached()) {
            Files.deleteIfExists(file); // a cut-off file must not be mistaken for a complete one
        }
    }

    @Override
    public void renameFile(SftpSubsystemProxy sftp, Path oldPath, Path newPath, Collection<CopyOption> opts)
            throws IOException {
        writableInboxName(oldPath);
        writableInboxName(newPath);
        SftpFileSystemAccessor.super.renameFile(sftp, oldPath, newPath, opts);
    }

    @Override
    public void removeFile(SftpSubsystemProxy sftp, Path path, boolean isDirectory) throws IOException {
        if (isDirectory) {
            throw new SftpRefusal(path.toString(), "folders cannot be removed");
        }
        writableInboxName(path);
        SftpFileSystemAccessor.super.removeFile(sftp, path, false);
    }

    @Override
    public void createDirectory(SftpSubsystemProxy sftp, Path path) throws IOException {
        throw new SftpRefusal(path.toString(), "folders cannot be created; upload files into inbox/");
    }

    @Override
    public void createLink(SftpSubsystemProxy sftp, Path link, Path existing, boolean symLink) throws IOException {
        throw new SftpRefusal(link.toString(), "links are not allowed");
    }

    @Override
    public void copyFile(SftpSubsystemProxy sftp, Path src, Path dst, Collection<CopyOption> opts)
            throws IOException {
        throw new SftpRefusal(dst.toString(), "server-side copies are not allowed; upload the file");
    }

    @Override
    public void setFileAttribute(SftpSubsystemProxy sftp, Path file, String view, String attribute, Object value,
            LinkOption... options) throws IOException {
        writableInboxName(file);
        SftpFileSystemAccessor.super.setFileAttribute(sftp, file, view, attribute, value, options);
    }

    @Override
    public void setFilePermissions(SftpSubsystemProxy sftp, Path path, Set<PosixFilePermission> perms,
            LinkOption... options) throws IOException {
        writableInboxName(path);
        SftpFileSystemAccessor.super.setFilePermissions(sftp, path, perms, options);
    }

    @Override
    public void setFileOwner(SftpSubsystemProxy sftp, Path path, Principal value, LinkOption... options)
            throws IOException {
        throw new SftpRefusal(path.toString(), "owners cannot be changed");
    }

    @Override
    public void setGroupOwner(SftpSubsystemProxy sftp, Path path, Principal value, LinkOption... options)
            throws IOException {
        throw new SftpRefusal(path.toString(), "groups cannot be changed");
    }

    @Override
    public void setFileAccessControl(SftpSubsystemProxy sftp, Path path, List<AclEntry> acl,
            LinkOption... options) throws IOException {
        throw new SftpRefusal(path.toString(), "access control lists cannot be changed");
    }

    private void noLinks(SftpSubsystemProxy sftp, Path sessionPath) throws SftpRefusal {
        if (sessionPath != null) {
            NoLinks.require(homes.home(MerchantFileSystemFactory.merchantOf(sftp.getServerSession())), sessionPath);
        }
    }

    /** The name of a file directly in inbox/ that may be written; refuses everything else. */
    private static String writableInboxName(Path sessionPath) throws SftpRefusal {
        String name = MerchantHomes.inboxFileName(sessionPath);
        if (name == null) {
            throw new SftpRefusal(sessionPath.toString(), "read-only: only files directly in /inbox can be written");
        }
        if (!UploadNames.writable(name)) {
            throw new SftpRefusal(sessionPath.toString(), "file name not accepted (at most "
                    + UploadNames.MAX_LENGTH + " printable characters)");
        }
        return name;
    }
}
