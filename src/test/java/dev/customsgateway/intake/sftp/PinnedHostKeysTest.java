package dev.customsgateway.intake.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.Test;

/** The host key check of polled merchant servers: only the pinned key of that very host and port passes. */
class PinnedHostKeysTest {

    private final KeyPair server = generate();
    private final KeyPair other = generate();

    @Test
    void acceptsThePinnedKeyOfThatHostAndPort() {
        PinnedHostKeys keys = new PinnedHostKeys("sftp.shop.example", 2022, line("[sftp.shop.example]:2022", server));
        assertThat(keys.verifyServerKey(null, null, server.getPublic())).isTrue();
        assertThat(keys.refusal()).isNull();
    }

    @Test
    void rejectsAnotherKeyForThatHost() {
        PinnedHostKeys keys = new PinnedHostKeys("sftp.shop.example", 2022, line("[sftp.shop.example]:2022", server));
        assertThat(keys.verifyServerKey(null, null, other.getPublic())).isFalse();
        assertThat(keys.refusal()).contains("does not match the configured known-hosts entry",
                KeyUtils.getFingerPrint(other.getPublic()));
    }

    @Test
    void rejectsAKeyPinnedForAnotherPortOrHost() {
        PinnedHostKeys otherPort = new PinnedHostKeys("sftp.shop.example", 22, line("[sftp.shop.example]:2022", server));
        assertThat(otherPort.verifyServerKey(null, null, server.getPublic())).isFalse();
        assertThat(otherPort.refusal()).contains("no configured known-hosts entry names sftp.shop.example");
        PinnedHostKeys otherHost = new PinnedHostKeys("evil.example", 2022, line("[sftp.shop.example]:2022", server));
        assertThat(otherHost.verifyServerKey(null, null, server.getPublic())).isFalse();
    }

    @Test
    void acceptsAHashedHostName() throws Exception {
        // as `ssh-keygen -H` writes it: |1|base64(salt)|base64(HMAC-SHA1 keyed with the salt, over "[host]:port")
        byte[] salt = new byte[20];
        new java.security.SecureRandom().nextBytes(salt);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(salt, "HmacSHA1"));
        byte[] hash = mac.doFinal("[sftp.shop.example]:2022".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
        String hashed = "|1|" + b64.encodeToString(salt) + "|" + b64.encodeToString(hash);

        assertThat(new PinnedHostKeys("sftp.shop.example", 2022, line(hashed, server))
                .verifyServerKey(null, null, server.getPublic())).isTrue();
        assertThat(new PinnedHostKeys("evil.example", 2022, line(hashed, server))
                .verifyServerKey(null, null, server.getPublic())).isFalse();
    }

    @Test
    void rejectsARevokedKey() {
        PinnedHostKeys keys = new PinnedHostKeys("sftp.shop.example", 22,
                "@revoked " + line("sftp.shop.example", server));
        assertThat(keys.verifyServerKey(null, null, server.getPublic())).isFalse();
    }

    @Test
    void anUnusableEntryPinsNothing() {
        assertThat(new PinnedHostKeys("h", 22, line("h", server)).pinsAnyKey()).isTrue();
        assertThat(new PinnedHostKeys("h", 2022, line("h", server)).pinsAnyKey()).as("port 22 only").isFalse();
        PinnedHostKeys garbage = new PinnedHostKeys("h", 22, "h ssh-ed25519 not-base64!\n");
        assertThat(garbage.pinsAnyKey()).isFalse();
        assertThat(garbage.verifyServerKey(null, null, server.getPublic())).isFalse();
    }

    private static String line(String host, KeyPair key) {
        return host + " " + PublicKeyEntry.toString(key.getPublic()) + "\n";
    }

    private static KeyPair generate() {
        try {
            return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
