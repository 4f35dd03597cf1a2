package dev.customsgateway.intake.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Logging in over SFTP with the real OpenSSH client: passwords, keys, disabled accounts, guessing. */
class SftpLoginTest extends SftpTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    SftpAccountCommand command;

    @Test
    void demoMerchantLogsInWithTheGeneratedPassword() throws Exception {
        Path passwordFile = DATA_DIR.resolve("demo-merchant.sftp-password");
        assertThat(Files.getPosixFilePermissions(passwordFile))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String password = Files.readString(passwordFile).strip();

        OpenSshSftp.Result result = OpenSshSftp.withPassword(server.port(), "demo", password, work).run("ls -1 /");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("inbox", "receipts", "errors", "archive");
        assertThat(jdbc.sql("select password_hash from sftp_account where username = 'demo'").query(String.class)
                .single()).startsWith("$argon2id$").doesNotContain(password);
    }

    @Test
    void keyLoginWithEd25519() throws Exception {
        TestAccount account = newMerchant("key");
        Path key = work.resolve("id_ed25519");
        assertThat(ExternalTool.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()))
                .exitCode()).isZero();
        String publicKey = Files.readString(Path.of(key + ".pub")).strip();
        accounts.addKey(account.username(), publicKey, AuthorizedKeys.fingerprint(AuthorizedKeys.parse(publicKey)),
                OffsetDateTime.now());

        OpenSshSftp.Result result = OpenSshSftp.withKey(server.port(), account.username(), key, work).run("ls -1 /");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("inbox");
    }

    @Test
    void operatorCommandAddsAnAccountAndRefusesWeakKeys() throws Exception {
        TestAccount shop = newMerchant("command");
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        Path weak = work.resolve("weak");
        ExternalTool.run(List.of("ssh-keygen", "-q", "-t", "rsa", "-b", "1024", "-N", "", "-f", weak.toString()));

        int added = command.run(List.of("add", shop.merchantId() + "-ops", shop.merchantId()),
                new java.io.PrintStream(out), new java.io.PrintStream(err));
        int refused = command.run(List.of("add-key", shop.merchantId() + "-ops", weak + ".pub"),
                new java.io.PrintStream(out), new java.io.PrintStream(err));

        assertThat(added).isZero();
        assertThat(refused).isEqualTo(1);
        assertThat(err.toString()).contains("key refused", "1024 bits");
        String password = out.toString().replaceAll("(?s).*\\(shown once\\): (\\S+).*", "$1");
        OpenSshSftp.Result login = OpenSshSftp.withPassword(server.port(), shop.merchantId() + "-ops", password, work)
                .run("ls -1 /");
        assertThat(login.exitCode()).as(login.output()).isZero();
    }

    @Test
    void rejectsUnknownKey() throws Exception {
        TestAccount account = newMerchant("nokey");
        Path key = work.resolve("id_other");
        ExternalTool.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()));

        OpenSshSftp.Result result = OpenSshSftp.withKey(server.port(), account.username(), key, work).run("ls /");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("Permission denied");
    }

    @Test
    void rejectsWrongPasswordAndAuditsItWithoutThePassword() throws Exception {
        TestAccount account = newMerchant("wrongpw");
        String guess = "guess-" + System.nanoTime();

        OpenSshSftp.Result result = OpenSshSftp.withPassword(server.port(), account.username(), guess, work)
                .run("ls /");

        assertThat(result.exitCode()).isNotZero();
        List<String> details = jdbc.sql("""
                select detail from message_log where stage = 'LOGIN_FAILED' and merchant_id = ?""")
                .param(account.merchantId()).query(String.class).list();
        assertThat(details).hasSize(1);
        assertThat(details.get(0)).contains(account.username(), "127.0.0.1", "password").doesNotContain(guess);
    }

    @Test
    void rejectsDisabledAccount() throws Exception {
        TestAccount account = newMerchant("disabled");
        accounts.setEnabled(account.username(), false);

        assertThat(sftp(account).run("ls /").exitCode()).isNotZero();
    }

    @Test
    void rateLimitsPasswordGuessing() throws Exception {
        TestAccount account = newMerchant("guessing");
        for (int i = 0; i < 5; i++) {
            OpenSshSftp.withPassword(server.port(), account.username(), "wrong-" + i, work).run("ls /");
        }

        OpenSshSftp.Result right = sftp(account).run("ls /");

        assertThat(right.exitCode()).as("the right password is refused once the limit is used up").isNotZero();
        assertThat(jdbc.sql("select count(*) from message_log where stage = 'LOGIN_FAILED' and merchant_id = ?")
                .param(account.merchantId()).query(Integer.class).single()).isEqualTo(5);
    }
}
