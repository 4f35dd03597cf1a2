package dev.customsgateway.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys that never leave a hardware security module: a PKCS#11 token opened through the JDK's SunPKCS11
 * provider, selected by its label ({@link TokenSlots}; a slot id changes when a token is initialised). The
 * provider is registered so that signing finds it by the key's type: Santuario is never pinned to one provider, or HSM keys would not sign.
 * RSA and ECDSA keys only: neither SunPKCS11 nor SoftHSM2 has SM2, and Chinese SM2 devices speak GM/T 0018
 * (SDF) instead; such a device plugs in behind {@link SigningKeys#get} the same way, returning a
 * {@link PrivateKey} of its own provider (see the README, "Keys in an HSM").
 */
final class HsmKeys {

    private final KeyStore token;
    private final char[] pin;
    private final Map<String, SigningKeys.SigningKey> keys = new ConcurrentHashMap<>();

    private HsmKeys(KeyStore token, char[] pin) {
        this.token = token;
        this.pin = pin;
    }

    /** Opens the token; the PIN comes from {@code GATEWAY_SIGNING_HSM_PIN} or the PIN file, never from config. */
    static HsmKeys open(SigningProperties.Hsm hsm) throws IOException, GeneralSecurityException {
        long slot = hsm.slot() != null ? hsm.slot() : TokenSlots.slotOf(hsm.library(), hsm.tokenLabel());
        // "--" makes SunPKCS11 read the configuration inline instead of from a file
        Provider provider = Security.getProvider("SunPKCS11").configure("--name = gateway-" + Long.toHexString(slot)
                + "\nlibrary = " + hsm.library().toAbsolutePath() + "\nslot = " + slot + "\n");
        Security.addProvider(provider);
        char[] pin = pin(hsm);
        KeyStore token = KeyStore.getInstance("PKCS11", provider);
        token.load(null, pin);
        return new HsmKeys(token, pin);
    }

    /**
     * The key and certificate under that label, read from the token once: signing then costs one operation on the
     * device, not an object search per document. A certificate renewed on the token is read after a restart.
     */
    SigningKeys.SigningKey get(String alias) {
        return keys.computeIfAbsent(alias, this::read);
    }

    private SigningKeys.SigningKey read(String alias) {
        try {
            if (!token.isKeyEntry(alias)) {
                throw new IllegalStateException("no key with label '" + alias + "' on the HSM token");
            }
            return new SigningKeys.SigningKey((PrivateKey) token.getKey(alias, pin),
                    (X509Certificate) token.getCertificate(alias));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read HSM key '" + alias + "'", e);
        }
    }

    private static char[] pin(SigningProperties.Hsm hsm) throws IOException {
        String fromEnv = System.getenv("GATEWAY_SIGNING_HSM_PIN");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        if (hsm.pinFile() == null || !Files.exists(hsm.pinFile())) {
            throw new IllegalStateException("no HSM PIN: set GATEWAY_SIGNING_HSM_PIN or gateway.signing.hsm.pin-file");
        }
        return Files.readString(hsm.pinFile(), StandardCharsets.UTF_8).strip().toCharArray();
    }
}
