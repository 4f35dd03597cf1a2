package dev.customsgateway.intake.sftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The merchants' SFTP homes on disk: {@code <root>/<merchant>/} with {@code inbox/} (the only writable
 * folder), {@code receipts/}, {@code errors/} and {@code archive/}. Also reads the SFTP view of a path (as the
 * chrooted session sees it) to tell an inbox file from anything else.
 */
@Component
class MerchantHomes {

    static final String INBOX = "inbox";
    static final String RECEIPTS = "receipts";
    static final String ERRORS = "errors";
    static final String ARCHIVE = "archive";
    static final List<String> FOLDERS = List.of(INBOX, RECEIPTS, ERRORS, ARCHIVE);

    private static final Pattern MERCHANT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Path root;

    MerchantHomes(SftpProperties properties) {
        this.root = properties.root().toAbsolutePath().normalize();
    }

    /** The merchant's home, with its four folders created owner-only when missing. */
    Path ensure(String merchantId) throws IOException {
        Path home = home(merchantId);
        for (String folder : FOLDERS) {
            Path dir = home.resolve(folder);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
        }
        return home;
    }

    Path home(String merchantId) {
        if (merchantId == null || !MERCHANT_ID.matcher(merchantId).matches() || merchantId.contains("..")) {
            throw new IllegalArgumentException("merchant id unfit for a folder name: " + merchantId);
        }
        return root.resolve(merchantId);
    }

    /** Where files fetched from the merchant's own server wait to be taken in: beside the homes, hidden. */
    Path pollingWork(String merchantId) {
        return root.resolve(".polling").resolve(home(merchantId).getFileName());
    }

    Path folder(String merchantId, String folder) {
        return home(merchantId).resolve(folder);
    }

    /**
     * The file name when the session path (a path of the merchant's chrooted file system) names a file
     * directly inside {@code inbox/}; null for anything else.
     */
    static String inboxFileName(Path sessionPath) {
        Path p = sessionPath.toAbsolutePath().normalize();
        return p.getNameCount() == 2 && INBOX.equals(p.getName(0).toString()) ? p.getName(1).toString() : null;
    }
}
