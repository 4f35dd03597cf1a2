package dev.customsgateway.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The declarants' signing keys, from one PKCS#12 key store (read with BouncyCastle, which also reads SM2
 * material the JDK cannot). The store is reloaded without a restart when its file changes (checked at most every
 * {@code gateway.signing.reload-check-interval}); a store that fails to load keeps the previous keys in use.
 * Development keys are generated on start when allowed.
 */
@Component
class SigningKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
    /** A signing key alias with this prefix names a key on the HSM token, by its label. */
    static final String HSM_PREFIX = "hsm:";

    private final SigningProperties properties;
    private final Clock clock;
    private volatile Loaded loaded;
    private volatile Instant checkedAt;
    private final HsmKeys hsm;

    SigningKeys(SigningProperties properties, Clock clock) throws IOException, GeneralSecurityException {
        this.properties = properties;
        this.clock = clock;
        if (properties.developmentKeys()) {
            DevelopmentKeys.ensure(properties);
        } else if (!Files.exists(properties.keystore())) {
            throw new IllegalStateException("signing key store " + properties.keystore().toAbsolutePath()
                    + " does not exist (gateway.signing.keystore); development keys are off");
        }
        this.loaded = load(properties.keystore());
        this.checkedAt = clock.instant();
        this.hsm = properties.hsm() == null || properties.hsm().library() == null ? null : HsmKeys.open(properties.hsm());
    }

    /** The key and certificate under an alias; fails clearly when the alias is not in the store. */
    SigningKey get(String alias) {
        if (alias.startsWith(HSM_PREFIX)) {
            if (hsm == null) {
                throw new IllegalStateException("key '" + alias + "' is on an HSM, but gateway.signing.hsm is not set");
            }
            return hsm.get(alias.substring(HSM_PREFIX.length()));
        }
        Loaded current = current();
        return current.cache.computeIfAbsent(alias, current::read);
    }

    /** Every key entry's certificate by alias, from the current store (for health and expiry metrics). */
    Map<String, X509Certificate> certificates() {
        KeyStore store = current().store;
        Map<String, X509Certificate> certificates = new java.util.TreeMap<>();
        try {
            synchronized (store) {
                for (String alias : java.util.Collections.list(store.aliases())) {
                    if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate c) {
                        certificates.put(alias, c);
                    }
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot list the signing key store", e);
        }
        return certificates;
    }

    private Loaded current() {
        Instant now = clock.instant();
        if (now.isAfter(checkedAt.plus(properties.reloadCheckInterval()))) {
            synchronized (this) {
                if (now.isAfter(checkedAt.plus(properties.reloadCheckInterval()))) {
                    reloadIfChanged();
                    checkedAt = now;
                }
            }
        }
        return loaded;
    }

    private void reloadIfChanged() {
        try {
            if (!Files.getLastModifiedTime(properties.keystore()).equals(loaded.modified)) {
                loaded = load(properties.keystore());
                LOG.info("Signing key store {} reloaded", properties.keystore().toAbsolutePath());
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.error("Signing key store {} changed but cannot be loaded; the previous keys stay in use: {}",
                    properties.keystore().toAbsolutePath(), e.toString());
        }
    }

    private Loaded load(Path file) throws IOException, GeneralSecurityException {
        char[] password = KeyStorePassword.read(properties);
        FileTime modified = Files.getLastModifiedTime(file);
        KeyStore store = KeyStore.getInstance("PKCS12", BouncyCastle.provider());
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return new Loaded(store, password, modified, new ConcurrentHashMap<>());
    }

    /** One loaded version of the key store, with the keys read from it so far. */
    private record Loaded(KeyStore store, char[] password, FileTime modified, Map<String, SigningKey> cache) {

        SigningKey read(String alias) {
            try {
                synchronized (store) {
                    if (!store.isKeyEntry(alias)) {
                        throw new IllegalStateException("no signing key with alias '" + alias + "' in the key store");
                    }
                    return new SigningKey((PrivateKey) store.getKey(alias, password),
                            (X509Certificate) store.getCertificate(alias));
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot read signing key '" + alias + "'", e);
            }
        }

        @Override
        public String toString() {
            return "Loaded[" + modified + "]"; // never the password
        }
    }

    /** A private key with its certificate. */
    record SigningKey(PrivateKey privateKey, X509Certificate certificate) {
        @Override
        public String toString() {
            return "SigningKey[" + certificate.getSubjectX500Principal() + "]";
        }
    }
}
