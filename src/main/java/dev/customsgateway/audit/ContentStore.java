package dev.customsgateway.audit;

import dev.customsgateway.core.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Content-addressed file store for artefact bytes (uploads, customs XML, signed XML). A file is named by its
 * SHA-256, written to a temporary file, forced to disk and renamed into place, and its directory is forced too:
 * once {@link #put} returns, the bytes survive a crash. The database keeps only digests and metadata.
 */
@Component
public class ContentStore {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    ContentStore(AuditProperties properties) {
        this.root = properties.storeDir().toAbsolutePath();
    }

    /** Stores the stream's bytes durably and returns their digest and size. */
    public StoredContent put(InputStream in) throws IOException {
        Files.createDirectories(root.resolve("tmp"));
        Path tmp = Files.createTempFile(root.resolve("tmp"), "put-", ".part");
        try {
            MessageDigest digest = Sha256.newDigest();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), digest)) {
                size = in.transferTo(out);
            }
            String sha256 = Sha256.hex(digest);
            force(tmp);
            Path target = pathOf(sha256);
            Files.createDirectories(target.getParent());
            moveIntoPlace(tmp, target);
            force(target.getParent());
            return new StoredContent(sha256, size);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Stores bytes already in memory. The digest comes first: bytes stored before (the signed XML the outbox
     * writes again, a repeated upload) cost one check instead of a second write. Their directory is forced all
     * the same, since the put that stored them may still be between its rename and that force.
     */
    public StoredContent put(byte[] bytes) {
        String sha256 = Sha256.hex(bytes);
        Path target = pathOf(sha256);
        try {
            if (Files.exists(target)) {
                force(target.getParent());
                return new StoredContent(sha256, bytes.length);
            }
            Path tmpDir = root.resolve("tmp");
            Files.createDirectories(tmpDir);
            Path tmp = Files.createTempFile(tmpDir, "put-", ".part");
            try {
                try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                Files.createDirectories(target.getParent());
                moveIntoPlace(tmp, target);
                force(target.getParent());
                return new StoredContent(sha256, bytes.length);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("content store write failed", e);
        }
    }

    /** Opens stored bytes by digest. */
    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(pathOf(sha256));
    }

    /** The file holding the bytes of a digest (it may not exist). */
    public Path pathOf(String sha256) {
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        if (Files.exists(target)) {
            return; // same digest, same bytes: already stored
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // a concurrent put of the same bytes won the race; nothing to do
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("content store needs atomic renames within " + tmp.getParent(), e);
        }
    }

    private static void force(Path path) throws IOException {
        boolean directory = Files.isDirectory(path);
        try (FileChannel channel = FileChannel.open(path, directory
                ? new StandardOpenOption[] {StandardOpenOption.READ}
                : new StandardOpenOption[] {StandardOpenOption.WRITE})) {
            channel.force(true);
        }
    }

    /** Digest and size of stored bytes. */
    public record StoredContent(String sha256, long size) {
    }
}
