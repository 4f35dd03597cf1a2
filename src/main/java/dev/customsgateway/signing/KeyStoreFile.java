package dev.customsgateway.signing;

import dev.customsgateway.core.SecretFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The gateway's PKCS#12 key store on disk, opened for changing it (development keys, the {@code keys} command).
 * A missing store is created, with a random password in an owner-only file unless the environment gives one;
 * saving writes aside and moves, so a running gateway reloading the store never reads half a file.
 */
final class KeyStoreFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyStore store;
    private final char[] password;
    private final Path path;

    private KeyStoreFile(KeyStore store, char[] password, Path path) {
        this.store = store;
        this.password = password;
        this.path = path;
    }

    static KeyStoreFile open(SigningProperties properties) throws IOException, GeneralSecurityException {
        Path keystore = properties.keystore().toAbsolutePath();
        boolean exists = Files.exists(keystore);
        char[] password = exists || KeyStorePassword.inEnvironment() ? KeyStorePassword.read(properties)
                : newPassword(properties);
        KeyStore store = KeyStore.getInstance("PKCS12", BouncyCastle.provider());
        if (exists) {
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, password);
            }
        } else {
            store.load(null, null);
        }
        return new KeyStoreFile(store, password, keystore);
    }

    KeyStore store() {
        return store;
    }

    /** The store's password, which protects its entries too. */
    char[] password() {
        return password;
    }

    Path path() {
        return path;
    }

    void save() throws IOException, GeneralSecurityException {
        Files.createDirectories(path.getParent());
        Path temporary = path.resolveSibling(path.getFileName() + ".new");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, password);
        }
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static char[] newPassword(SigningProperties properties) throws IOException {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        SecretFiles.writeOwnerOnly(properties.keystorePasswordFile().toAbsolutePath(),
                password.getBytes(StandardCharsets.US_ASCII));
        return password.toCharArray();
    }
}
