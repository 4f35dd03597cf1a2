package dev.customsgateway.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The declarants' signing keys, from one PKCS#12 key store (read with BouncyCastle, which also reads SM2
 * material the JDK cannot). The password comes from {@code GATEWAY_SIGNING_KEYSTORE_PASSWORD} or the password
 * file; it is never logged. Development keys are generated on first start when allowed.
 */
@Component
class SigningKeys {

    static final String PASSWORD_ENV = "GATEWAY_SIGNING_KEYSTORE_PASSWORD";

    private final KeyStore store;
    private final char[] password;
    private final Map<String, SigningKey> cache = new ConcurrentHashMap<>();

    SigningKeys(SigningProperties properties) throws IOException, GeneralSecurityException {
        if (!Files.exists(properties.keystore())) {
            if (!properties.developmentKeys()) {
                throw new IllegalStateException("signing key store " + properties.keystore().toAbsolutePath()
                        + " does not exist (gateway.signing.keystore); development keys are off");
            }
            DevelopmentKeys.create(properties);
        }
        this.password = password(properties);
        this.store = KeyStore.getInstance("PKCS12", BouncyCastle.provider());
        try (InputStream in = Files.newInputStream(properties.keystore())) {
            store.load(in, password);
        }
    }

    /** The key and certificate under an alias; fails clearly when the alias is not in the store. */
    SigningKey get(String alias) {
        return cache.computeIfAbsent(alias, this::load);
    }

    private SigningKey load(String alias) {
        try {
            if (!store.isKeyEntry(alias)) {
                throw new IllegalStateException("no signing key with alias '" + alias + "' in the key store");
            }
            return new SigningKey((PrivateKey) store.getKey(alias, password),
                    (X509Certificate) store.getCertificate(alias));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read signing key '" + alias + "'", e);
        }
    }

    private static char[] password(SigningProperties properties) throws IOException {
        String fromEnv = System.getenv(PASSWORD_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        if (properties.keystorePasswordFile() == null || !Files.exists(properties.keystorePasswordFile())) {
            throw new IllegalStateException("no key store password: set " + PASSWORD_ENV
                    + " or gateway.signing.keystore-password-file");
        }
        return Files.readString(properties.keystorePasswordFile(), StandardCharsets.UTF_8).strip().toCharArray();
    }

    /** A private key with its certificate. */
    record SigningKey(PrivateKey privateKey, X509Certificate certificate) {
        @Override
        public String toString() {
            return "SigningKey[" + certificate.getSubjectX500Principal() + "]";
        }
    }
}
