package dev.customsgateway.audit;

import dev.customsgateway.core.Sha256;
import dev.customsgateway.core.TransactionScoped;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
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
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Content-addressed file store for artefact bytes (uploads, canonical orders, customs XML, signed XML, delivery
 * responses, receipts). A file is named by the SHA-256 of its plaintext, written to a temporary file, forced to disk
 * and renamed into place, and its directory is forced too: once {@link #put} returns, the bytes survive a crash.
 * Bytes put in a transaction are forced just before it commits instead, all at once: the rows that name them
 * become visible only then. The database keeps only digests and metadata.
 *
 * <p>Every artefact is stored sealed ({@link ArtefactCipher}: AES-256-GCM with the data key of its merchant and
 * month, {@link DataKeys}); {@link #open} decrypts and authenticates as it reads. Files written before encryption
 * existed are plaintext and are read as they are. Digests are always of the plaintext, so the message log and
 * evidence bundles do not change. The standalone sandbox process has no data keys and stores plaintext.
 */
@Component
public class ContentStore {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /**
     * Threads that wait for forces of a committing transaction's artefacts (they wait on the disk, not the CPU: more
     * of them than processors); idle ones end.
     */
    private static final ThreadPoolExecutor FORCES = forcePool();

    private static ThreadPoolExecutor forcePool() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(16, 16, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "content-store-force-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private final Path root;
    private final ArtefactSealing sealing;

    @Autowired
    ContentStore(AuditProperties properties, ObjectProvider<ArtefactSealing> sealing) {
        this(properties, sealing.getIfAvailable());
    }

    /** With {@code sealing} null, a plaintext store (the sandbox's). */
    ContentStore(AuditProperties properties, ArtefactSealing sealing) {
        this.root = properties.storeDir().toAbsolutePath();
        this.sealing = sealing;
    }

    /** Stores a gateway-wide artefact (no merchant): prefer {@link #put(String, InputStream)}. */
    public StoredContent put(InputStream in) throws IOException {
        return put(null, in);
    }

    /** Stores a gateway-wide artefact (no merchant): prefer {@link #put(String, byte[])}. */
    public StoredContent put(byte[] bytes) {
        return put(null, bytes);
    }

    /** Stores the stream's bytes durably, sealed with the merchant's current data key; returns digest and size. */
    public StoredContent put(String merchantId, InputStream in) throws IOException {
        Files.createDirectories(root.resolve("tmp"));
        Path tmp = Files.createTempFile(root.resolve("tmp"), "put-", ".part");
        try {
            MessageDigest digest = Sha256.newDigest();
            DataKeys.DataKey key = sealing == null ? null : sealing.keyFor(merchantId);
            long size;
            String sha256;
            if (key == null) {
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), digest)) {
                    size = in.transferTo(out);
                }
                sha256 = Sha256.hex(digest);
            } else {
                try (ArtefactCipher.Sealing sealed = ArtefactCipher.seal(Files.newOutputStream(tmp), key.id(),
                        key.key())) {
                    size = in.transferTo(new DigestOutputStream(sealed, digest));
                    sha256 = Sha256.hex(digest);
                    sealed.finish(sha256);
                }
            }
            Path target = pathOf(sha256);
            // the file's own header, not only the index, says whether it is sealed with this key: an index row
            // claimed by a put whose write then failed must not stop this put from writing it
            if (key != null && !sealing.claim(sha256, key.id()) && key.id().equals(sealedWith(sha256))) {
                force(target.getParent());
                return new StoredContent(sha256, size);
            }
            force(tmp);
            Files.createDirectories(target.getParent());
            moveIntoPlace(tmp, target, key != null);
            force(target.getParent());
            return new StoredContent(sha256, size);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Stores bytes already in memory, sealed with the merchant's current data key. The digest comes first: bytes
     * stored before with the same key (the signed XML the outbox writes again, a repeated upload) cost one check
     * instead of a second write. Their directory is forced all the same, since the put that stored them may still be
     * between its rename and that force.
     */
    public StoredContent put(String merchantId, byte[] bytes) {
        String sha256 = Sha256.hex(bytes);
        Path target = pathOf(sha256);
        try {
            DataKeys.DataKey key = sealing == null ? null : sealing.keyFor(merchantId);
            boolean write = key == null ? !Files.exists(target) : sealing.claim(sha256, key.id())
                    || !key.id().equals(sealedWith(sha256)); // the header decides, as in the stream put
            if (!write) {
                forceNowOrBeforeCommit(target, false);
                return new StoredContent(sha256, bytes.length);
            }
            Path tmpDir = root.resolve("tmp");
            Files.createDirectories(tmpDir);
            Path tmp = Files.createTempFile(tmpDir, "put-", ".part");
            try {
                try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                        OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                    if (key == null) {
                        out.write(bytes);
                    } else {
                        ArtefactCipher.Sealing sealed = ArtefactCipher.seal(out, key.id(), key.key());
                        sealed.write(bytes);
                        sealed.finish(sha256);
                    }
                    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                        channel.force(true);
                    }
                }
                Files.createDirectories(target.getParent());
                moveIntoPlace(tmp, target, key != null);
                forceNowOrBeforeCommit(target, true);
                return new StoredContent(sha256, bytes.length);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("content store write failed", e);
        }
    }

    /**
     * Makes a put durable: at once without a transaction; in one, just before it commits ({@link PendingForces}),
     * together with the other artefacts it stored, since its rows are what name them. {@code written}: the file
     * itself was written by this put (otherwise only its directory entry needs forcing, as another put wrote it).
     */
    private void forceNowOrBeforeCommit(Path target, boolean written) throws IOException {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            PendingForces.of(this).add(target, written);
        } else {
            force(target.getParent());
        }
    }

    /**
     * Keeps an artefact that an entry is about to name although the transaction that stored it rolled back (an order
     * rejected after its steps stored their output): forced to disk, and its content index row written again, with
     * the key its own header names, so retention still finds it.
     */
    void keep(String sha256) {
        Path file = pathOf(sha256);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                PendingForces.of(this).add(file, true);
            } else {
                force(file);
                force(file.getParent());
            }
            if (sealing == null) {
                return;
            }
            String keyId = sealedWith(sha256);
            if (keyId != null) {
                sealing.index(sha256, keyId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("content store read failed", e);
        }
    }

    /** Forces a stored artefact and its directory to disk, if it exists (an entry naming it is about to commit). */
    void force(String sha256) {
        Path file = pathOf(sha256);
        try {
            if (Files.isRegularFile(file)) {
                force(file);
                force(file.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("content store force failed", e);
        }
    }

    /**
     * The artefacts stored in the current transaction, forced before it commits: first every file, then every
     * directory they were renamed into. Before the message log appends its entries (whose synchronization comes
     * later), so no committed entry names bytes a crash could take back.
     */
    private static final class PendingForces implements TransactionSynchronization {

        /** Before {@code MessageLog}'s closings (order 0). */
        static final int ORDER = -100;

        private final ContentStore store;
        private final Set<Path> files = new LinkedHashSet<>();
        private final Set<Path> directories = new LinkedHashSet<>();

        private PendingForces(ContentStore store) {
            this.store = store;
        }

        static PendingForces of(ContentStore store) {
            return TransactionScoped.of(store, () -> new PendingForces(store));
        }

        void add(Path file, boolean written) {
            if (written) {
                files.add(file);
            }
            directories.add(file.getParent());
        }

        @Override
        public int getOrder() {
            return ORDER;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            forceAll(files);
            forceAll(directories);
        }

        /**
         * Forces the paths concurrently: the file system commits its journal once for the forces waiting on it
         * together (ext4's jbd2 groups them), where forcing one after the other would pay one journal commit each.
         */
        private static void forceAll(Set<Path> paths) {
            if (paths.size() == 1) {
                forceUnchecked(paths.iterator().next());
                return;
            }
            CompletableFuture<?>[] forces = paths.stream()
                    .map(path -> CompletableFuture.runAsync(() -> forceUnchecked(path), FORCES))
                    .toArray(CompletableFuture[]::new);
            try {
                CompletableFuture.allOf(forces).join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof UncheckedIOException io ? io
                        : new UncheckedIOException(new IOException("content store force failed", e.getCause()));
            }
        }

        private static void forceUnchecked(Path path) {
            try {
                force(path);
            } catch (IOException e) {
                throw new UncheckedIOException("content store force failed: " + path, e);
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionScoped.release(store);
        }
    }

    /**
     * Opens stored bytes by digest, decrypted. Reading fails with {@link ArtefactTamperedException} as soon as a
     * segment does not authenticate, and opening with {@link ArtefactShreddedException} once its key was destroyed.
     */
    public InputStream open(String sha256) throws IOException {
        InputStream raw;
        try {
            raw = Files.newInputStream(pathOf(sha256));
        } catch (java.nio.file.NoSuchFileException e) {
            String destroyed = sealing == null ? null : sealing.destroyedKeyOf(sha256);
            if (destroyed != null) {
                throw new ArtefactShreddedException("artefact " + sha256 + " was shredded by retention (data key "
                        + destroyed + " destroyed)");
            }
            throw e;
        }
        try {
            PushbackInputStream in = new PushbackInputStream(new BufferedInputStream(raw, 1 << 16), 512);
            ArtefactCipher.Header header = ArtefactCipher.readHeader(in);
            if (header == null) {
                return in; // stored before encryption existed
            }
            if (sealing == null) {
                throw new IOException("artefact " + sha256 + " is sealed, and this process has no data keys");
            }
            return ArtefactCipher.open(in, header, sealing.key(header.keyId()), sha256);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * Seals a stored artefact again with another data key (the retention job keeps bytes that a later entry still
     * names when the key they were sealed with is destroyed). The plaintext is authenticated and its digest checked
     * on the way; the index row is the caller's to update.
     */
    void reseal(String sha256, DataKeys.DataKey key) throws IOException {
        Path tmpDir = root.resolve("tmp");
        Files.createDirectories(tmpDir);
        Path tmp = Files.createTempFile(tmpDir, "reseal-", ".part");
        try {
            MessageDigest digest = Sha256.newDigest();
            try (InputStream in = open(sha256);
                    ArtefactCipher.Sealing sealed = ArtefactCipher.seal(Files.newOutputStream(tmp), key.id(),
                            key.key())) {
                in.transferTo(new DigestOutputStream(sealed, digest));
                if (!Sha256.hex(digest).equals(sha256)) {
                    throw new IOException("artefact " + sha256 + " does not hash to its name; not re-sealed");
                }
                sealed.finish(sha256);
            }
            force(tmp);
            moveIntoPlace(tmp, pathOf(sha256), true);
            force(pathOf(sha256).getParent());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The data key id that seals the stored file, or null when it is plaintext (or missing). */
    String sealedWith(String sha256) throws IOException {
        Path file = pathOf(sha256);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (PushbackInputStream in = new PushbackInputStream(Files.newInputStream(file), 512)) {
            ArtefactCipher.Header header = ArtefactCipher.readHeader(in);
            return header == null ? null : header.keyId();
        }
    }

    /** The file holding the bytes of a digest (it may not exist). */
    public Path pathOf(String sha256) {
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    /** Moves a written file into place; {@code replace}: over an older copy (plaintext, or sealed by another key). */
    private static void moveIntoPlace(Path tmp, Path target, boolean replace) throws IOException {
        if (!replace && Files.exists(target)) {
            return; // same digest, same bytes: already stored
        }
        try {
            if (replace) {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
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
