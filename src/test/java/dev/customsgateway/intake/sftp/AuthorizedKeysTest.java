package dev.customsgateway.intake.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customsgateway.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which public keys may log in: keys made by OpenSSH's own ssh-keygen, strong and weak. */
class AuthorizedKeysTest {

    @TempDir
    Path dir;

    @Test
    void acceptsEd25519EcdsaAndRsa2048() throws Exception {
        assertThat(AuthorizedKeys.fingerprint(AuthorizedKeys.parse(generate("ed25519", null)))).startsWith("SHA256:");
        assertThat(AuthorizedKeys.parse(generate("ecdsa", "256"))).isNotNull();
        assertThat(AuthorizedKeys.parse(generate("ecdsa", "521"))).isNotNull();
        assertThat(AuthorizedKeys.parse(generate("rsa", "2048"))).isNotNull();
    }

    @Test
    void rejectsShortRsaKey() throws Exception {
        String weak = generate("rsa", "1024");

        assertThatThrownBy(() -> AuthorizedKeys.parse(weak)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1024 bits");
    }

    @Test
    void rejectsGarbageAndOverlongLines() {
        assertThatThrownBy(() -> AuthorizedKeys.parse("ssh-ed25519 AAAA-not-base64")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthorizedKeys.parse("ssh-rsa " + "A".repeat(5000))).isInstanceOf(
                IllegalArgumentException.class);
    }

    private String generate(String type, String bits) throws Exception {
        Path key = dir.resolve(type + "-" + bits);
        List<String> command = bits == null
                ? List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-f", key.toString())
                : List.of("ssh-keygen", "-q", "-t", type, "-b", bits, "-N", "", "-f", key.toString());
        assertThat(ExternalTool.run(command).exitCode()).isZero();
        return Files.readString(Path.of(key + ".pub")).strip();
    }
}
