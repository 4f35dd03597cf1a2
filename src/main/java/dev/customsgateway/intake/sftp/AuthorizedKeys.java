package dev.customsgateway.intake.sftp;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Set;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

/**
 * Reads authorised public keys in OpenSSH one-line form and decides which are strong enough: ed25519, ECDSA on
 * P-256/384/521, RSA of at least 2048 bits. DSA, short RSA and anything else are refused, both when a key is
 * added and again at login (so a weak key that reached the table by hand still does not log in).
 */
final class AuthorizedKeys {

    static final int MIN_RSA_BITS = 2048;
    private static final Set<Integer> EC_BITS = Set.of(256, 384, 521);

    private AuthorizedKeys() {
    }

    /** Parses one {@code type base64 [comment]} line; throws {@link IllegalArgumentException} when weak or bad. */
    static PublicKey parse(String line) {
        if (line == null || line.isBlank() || line.length() > 4096) {
            throw new IllegalArgumentException("not an OpenSSH public key line");
        }
        PublicKey key;
        try {
            AuthorizedKeyEntry entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(line.strip());
            key = entry == null ? null : entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a readable OpenSSH public key: " + e.getMessage(), e);
        }
        if (key == null) {
            throw new IllegalArgumentException("not an OpenSSH public key line");
        }
        String weakness = weakness(key);
        if (weakness != null) {
            throw new IllegalArgumentException(weakness);
        }
        return key;
    }

    /** Why a key is not accepted, or null when it is. */
    static String weakness(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            return bits >= MIN_RSA_BITS ? null : "RSA key of " + bits + " bits; at least " + MIN_RSA_BITS + " needed";
        }
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return EC_BITS.contains(bits) ? null : "ECDSA key on an unsupported curve (" + bits + " bits)";
        }
        String type = KeyUtils.getKeyType(key);
        return KeyPairProvider.SSH_ED25519.equals(type) ? null
                : "key type " + type + " is not accepted (use ed25519, ECDSA or RSA of 2048 bits and more)";
    }

    /** The SHA-256 fingerprint as OpenSSH prints it ({@code SHA256:...}). */
    static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }
}
