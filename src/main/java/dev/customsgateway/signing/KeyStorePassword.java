package dev.customsgateway.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * The key store password: from {@code GATEWAY_SIGNING_KEYSTORE_PASSWORD}, or else the password file. It is
 * handed to the key store and nowhere else: never logged, never part of a message or an API answer.
 */
final class KeyStorePassword {

    static final String ENV = "GATEWAY_SIGNING_KEYSTORE_PASSWORD";

    private KeyStorePassword() {
    }

    static boolean inEnvironment() {
        String value = System.getenv(ENV);
        return value != null && !value.isEmpty();
    }

    static char[] read(SigningProperties properties) throws IOException {
        if (inEnvironment()) {
            return System.getenv(ENV).toCharArray();
        }
        if (properties.keystorePasswordFile() == null || !Files.exists(properties.keystorePasswordFile())) {
            throw new IllegalStateException("no key store password: set " + ENV
                    + " or gateway.signing.keystore-password-file");
        }
        return Files.readString(properties.keystorePasswordFile(), StandardCharsets.UTF_8).strip().toCharArray();
    }
}
