package dev.customsgateway.signing;

import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keys for tests, made once per JVM with the same code that makes development keys. */
final class TestKeys {

    private static final Map<String, DevelopmentKeys.Issued> ISSUED = new ConcurrentHashMap<>();

    private TestKeys() {
    }

    /** A currently valid key of the given type; {@code name} tells apart two keys of one type. */
    static DevelopmentKeys.Issued valid(KeyType type, String name) {
        return ISSUED.computeIfAbsent(type + "/" + name, k -> issue(type, name,
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(365))));
    }

    static DevelopmentKeys.Issued valid(KeyType type) {
        return valid(type, "declarant");
    }

    /** A key whose certificate was valid last year only. */
    static DevelopmentKeys.Issued expired(KeyType type) {
        return ISSUED.computeIfAbsent(type + "/expired", k -> issue(type, "expired",
                Instant.now().minus(Duration.ofDays(400)), Instant.now().minus(Duration.ofDays(35))));
    }

    static DevelopmentKeys.Issued issue(KeyType type, String name, Instant notBefore, Instant notAfter) {
        try {
            return DevelopmentKeys.issue(type, "test-" + name, notBefore, notAfter);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key type a profile signs with. */
    static DevelopmentKeys.Issued validFor(SignatureProfile profile) {
        return valid(profile.keyType);
    }
}
