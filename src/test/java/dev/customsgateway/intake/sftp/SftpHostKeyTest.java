package dev.customsgateway.intake.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host key is generated once, owner-only, and the same key is served after a restart. */
class SftpHostKeyTest {

    @TempDir
    Path dir;

    @Test
    void hostKeyIsGeneratedOnceAndKept() throws Exception {
        Path file = dir.resolve("keys/sftp-host-key.pem");

        KeyPair first = SftpServer.hostKey(file).loadKeys(null).iterator().next();
        KeyPair afterRestart = SftpServer.hostKey(file).loadKeys(null).iterator().next();

        assertThat(KeyUtils.getKeyType(first)).isEqualTo("ecdsa-sha2-nistp256");
        assertThat(KeyUtils.compareKeyPairs(first, afterRestart)).isTrue();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
}
