package dev.customsgateway.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Secrets kept in owner-only files (never in configuration, never logged): read one, or create it with 256
 * random bits on first use. Creation is atomic: of two processes racing, both end up with the same secret.
 */
public final class SecretFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFiles() {
    }

    /**
     * Writes a secret (a token, a password, a key) to a file only its owner can read, replacing what was there:
     * the file is created with owner-only permissions before a byte is written, so it is never readable by others.
     */
    public static void writeOwnerOnly(Path file, String secret) {
        writeOwnerOnly(file, (secret + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes secret bytes to a file only its owner can read, replacing what was there. */
    public static void writeOwnerOnly(Path file, byte[] secret) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(target, secret);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the owner-only file " + target, e);
        }
    }

    public static byte[] readOrCreate(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            Path tmp = Files.createTempFile(target.getParent(), ".secret-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(tmp, HexFormat.of().formatHex(random) + "\n");
                Files.createLink(target, tmp); // fails if another process created it first: theirs wins
            } catch (FileAlreadyExistsException e) {
                // keep the existing secret
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return Files.readString(target, StandardCharsets.US_ASCII).strip().getBytes(StandardCharsets.US_ASCII);
    }
}
