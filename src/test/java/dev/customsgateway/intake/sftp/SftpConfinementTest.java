package dev.customsgateway.intake.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the chroot, through the real OpenSSH client: each merchant sees only its own home, whatever path
 * it names, and may write only into inbox/.
 */
class SftpConfinementTest extends SftpTestSupport {

    @Test
    void merchantsCannotSeeEachOthersFiles() throws Exception {
        TestAccount alice = newMerchant("alice");
        TestAccount bob = newMerchant("bob");
        local("alice-secret.csv.part", "secret\n".getBytes(StandardCharsets.UTF_8));
        assertThat(sftp(alice).run("put alice-secret.csv.part inbox/").exitCode()).isZero();
        assertThat(home(alice.merchantId()).resolve("inbox/alice-secret.csv.part")).exists();

        OpenSshSftp.Result bobLooks = sftp(bob).run("ls -1 /inbox", "ls -1 ..", "ls -1 ../" + alice.merchantId(),
                "ls -1 /../" + alice.merchantId() + "/inbox",
                "get /../" + alice.merchantId() + "/inbox/alice-secret.csv.part stolen.csv");

        assertThat(answers(bobLooks).lines().filter(l -> !l.contains("not found")))
                .noneMatch(l -> l.contains("alice"));
        assertThat(answers(bobLooks)).contains("Can't ls: \"/../" + alice.merchantId() + "\" not found");
        assertThat(work.resolve("stolen.csv")).doesNotExist();
    }

    @Test
    void rejectsPathTraversal() throws Exception {
        TestAccount mallory = newMerchant("traversal");
        local("evil.csv.part", "x\n".getBytes(StandardCharsets.UTF_8));

        OpenSshSftp.Result result = sftp(mallory).run("cd ..", "cd ../../..", "pwd", "ls -1",
                "get /etc/passwd passwd-abs", "get ../../../../../../etc/passwd passwd-rel",
                "get inbox/../../../../etc/hostname hostname",
                "put evil.csv.part ../../evil.csv.part", "put evil.csv.part /../../../tmp/evil.csv.part");

        assertThat(result.output()).contains("Remote working directory: /\n");
        assertThat(result.output()).contains("inbox", "archive").doesNotContain("demo\n");
        assertThat(work.resolve("passwd-abs")).doesNotExist();
        assertThat(work.resolve("passwd-rel")).doesNotExist();
        assertThat(work.resolve("hostname")).doesNotExist();
        assertThat(DATA_DIR.resolve("evil.csv.part")).doesNotExist();
        assertThat(DATA_DIR.resolve("sftp/evil.csv.part")).doesNotExist();
        assertThat(Path.of("/tmp/evil.csv.part")).doesNotExist();
    }

    @Test
    void rejectsSymlinkEscape() throws Exception {
        TestAccount mallory = newMerchant("symlink");
        TestAccount victim = newMerchant("victim");
        local("x.csv.part", "x\n".getBytes(StandardCharsets.UTF_8));
        assertThat(sftp(victim).run("put x.csv.part inbox/victim.csv.part").exitCode()).isZero();
        // a link that got into the home by other means (an operator's mistake) must not lead out either
        Path planted = home(mallory.merchantId()).resolve("archive/planted");
        Files.createSymbolicLink(planted, home(victim.merchantId()).resolve("inbox/victim.csv.part"));

        OpenSshSftp.Result result = sftp(mallory).run("symlink /etc/passwd inbox/passwd",
                "symlink ../../" + victim.merchantId() + "/inbox inbox/victim", "ln inbox/x inbox/y",
                "get archive/planted planted-copy", "get inbox/passwd passwd-copy");

        assertThat(result.output()).contains("symlink").containsIgnoringCase("denied");
        assertThat(home(mallory.merchantId()).resolve("inbox/passwd")).doesNotExist();
        assertThat(Files.exists(home(mallory.merchantId()).resolve("inbox/victim"), LinkOption.NOFOLLOW_LINKS))
                .isFalse();
        assertThat(work.resolve("planted-copy")).doesNotExist();
        assertThat(work.resolve("passwd-copy")).doesNotExist();
    }

    @Test
    void rejectsWritesOutsideInbox() throws Exception {
        TestAccount mallory = newMerchant("readonly");
        local("fake.csv", "x\n".getBytes(StandardCharsets.UTF_8));
        Files.writeString(home(mallory.merchantId()).resolve("archive/kept.csv"), "kept\n");

        OpenSshSftp.Result result = sftp(mallory).run("put fake.csv archive/fake.csv", "put fake.csv errors/x",
                "put fake.csv receipts/x", "put fake.csv /fake.csv", "mkdir inbox/sub", "rmdir receipts",
                "rm archive/kept.csv", "rename archive/kept.csv inbox/kept.csv", "chmod 777 archive/kept.csv");

        assertThat(result.output()).containsIgnoringCase("denied");
        Path home = home(mallory.merchantId());
        assertThat(home.resolve("archive/fake.csv")).doesNotExist();
        assertThat(home.resolve("errors/x")).doesNotExist();
        assertThat(home.resolve("receipts")).isDirectory();
        assertThat(home.resolve("receipts/x")).doesNotExist();
        assertThat(home.resolve("fake.csv")).doesNotExist();
        assertThat(home.resolve("inbox/sub")).doesNotExist();
        assertThat(home.resolve("archive/kept.csv")).hasContent("kept");
        assertThat(home.resolve("inbox/kept.csv")).doesNotExist();
    }
}
