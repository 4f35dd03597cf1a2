package dev.customsgateway.intake.sftp;

import dev.customsgateway.core.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Completion by checksum: {@code <name>.sha256} holds the SHA-256 of {@code <name>} (hex, as {@code sha256sum}
 * writes it, optionally followed by the file name). When both are present and they match, the data file is
 * complete; when they differ, the merchant gets a notice and nothing is processed.
 */
@Component
class ChecksumSidecars {

    private static final Pattern DIGEST = Pattern.compile("^\\s*([0-9a-fA-F]{64})(\\s.*)?$", Pattern.DOTALL);
    static final int MAX_SIDECAR_BYTES = 1024;

    private final MerchantHomes homes;
    private final SftpUploads uploads;
    private final MerchantNotices notices;
    private final Clock clock;

    ChecksumSidecars(MerchantHomes homes, SftpUploads uploads, MerchantNotices notices, Clock clock) {
        this.homes = homes;
        this.uploads = uploads;
        this.notices = notices;
        this.clock = clock;
    }

    boolean exists(String merchantId, String sidecarName) {
        return Files.isRegularFile(inbox(merchantId).resolve(sidecarName), LinkOption.NOFOLLOW_LINKS);
    }

    /** Checks a sidecar against its data file and marks the data file ready when they match. */
    void check(String merchantId, String sidecarName) throws IOException {
        String target = UploadNames.sidecarTarget(sidecarName);
        Path data = inbox(merchantId).resolve(target);
        Path sidecar = inbox(merchantId).resolve(sidecarName);
        if (!UploadNames.data(target) || !Files.isRegularFile(data, LinkOption.NOFOLLOW_LINKS)
                || !Files.isRegularFile(sidecar, LinkOption.NOFOLLOW_LINKS)) {
            return; // the other half has not arrived yet; its arrival checks again
        }
        String expected = expectedDigest(sidecar);
        if (expected == null) {
            notices.notice(merchantId, target + ".checksum-unreadable.txt", sidecarName + " does not hold a SHA-256 "
                    + "(64 hex digits), so " + target + " is not processed. Upload a correct " + sidecarName + ".\n");
            return;
        }
        String actual = digest(data);
        if (actual.equals(expected)) {
            uploads.markReady(merchantId, target, OffsetDateTime.now(clock));
        } else {
            notices.notice(merchantId, target + ".checksum-mismatch.txt", "The SHA-256 of " + target + " is "
                    + actual + " but " + sidecarName + " says " + expected + ". The file is incomplete or changed; "
                    + "it is not processed. Upload it again, then its " + sidecarName + ".\n");
        }
    }

    private static String expectedDigest(Path sidecar) throws IOException {
        if (Files.size(sidecar) > MAX_SIDECAR_BYTES) {
            return null;
        }
        return parseDigest(Files.readString(sidecar, StandardCharsets.ISO_8859_1));
    }

    /** The lower-case hex SHA-256 a sidecar's text holds, or null when it holds none. */
    static String parseDigest(String sidecarText) {
        if (sidecarText.length() > MAX_SIDECAR_BYTES) {
            return null;
        }
        Matcher m = DIGEST.matcher(sidecarText);
        return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    static String digest(Path file) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return Sha256.hex(digest);
    }

    private Path inbox(String merchantId) {
        return homes.folder(merchantId, MerchantHomes.INBOX);
    }
}
