package dev.customsgateway.intake.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.TestMerchants;
import dev.customsgateway.core.Sha256;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Polling a merchant's own SFTP server (a real MINA SSHD server with its own host key, started here): files are
 * fetched, taken in like uploads and archived there; reports go back into its errors/; nothing is fetched from a
 * server whose host key does not match the pinned entry, nor from one without an entry, nor a .part file.
 */
@ExtendWith(OutputCaptureExtension.class)
class SftpPollTest extends SftpTestSupport {

    private static MerchantOwnSftpServer merchantServer;

    @Autowired
    PollRoutes pollRoutes;
    @Autowired
    CamelContext camel;

    private final List<String> polled = new ArrayList<>();

    @BeforeAll
    static void startMerchantServer() throws Exception {
        merchantServer = new MerchantOwnSftpServer();
    }

    @AfterAll
    static void stopMerchantServer() throws Exception {
        merchantServer.close();
    }

    @AfterEach
    void stopPolling() throws Exception {
        for (String merchant : polled) {
            jdbc.sql("update sftp_poll_source set enabled = false where merchant_id = ?").param(merchant).update();
        }
        pollRoutes.refresh();
    }

    @Test
    void polledFileIsDeclaredAndArchivedOnTheMerchantsServer(CapturedOutput output) throws Exception {
        String password = "pw-" + UUID.randomUUID();
        String merchant = pollingMerchant("poll", password, merchantServer.knownHostsLine());
        Path remote = work.resolve("remote");
        Files.copy(SAMPLE, remote.resolve("inbox/orders.csv"));
        Files.copy(SAMPLE, remote.resolve("inbox/later.csv.part"));

        pollRoutes.refresh();

        Path summary = remote.resolve("archive/orders.csv.result.txt");
        await("the summary is copied back to the merchant's server", () -> Files.exists(summary));
        assertThat(summary).content().contains("status: COMPLETED", "orders: 3 read, 3 declared, 0 failed",
                Sha256.hex(Files.readAllBytes(SAMPLE)));
        assertThat(remote.resolve("archive/orders.csv")).hasSameBinaryContentAs(SAMPLE);
        assertThat(remote.resolve("inbox/orders.csv")).doesNotExist();
        assertThat(remote.resolve("inbox/later.csv.part")).as("an incomplete file is left alone").exists();
        assertThat(home(merchant).resolve("archive/orders.csv")).hasSameBinaryContentAs(SAMPLE);
        assertThat(jdbc.sql("select file_name from outbox_message where merchant_id = ?").param(merchant)
                .query(String.class).list()).hasSize(3).allSatisfy(n -> assertThat(n).startsWith("CEB311_"));
        assertThat(jdbc.sql("""
                select artefact_sha256 from message_log where merchant_id = ? and stage = 'RECEIVED'
                and detail = 'SFTP-POLL orders.csv'""").param(merchant).query(String.class).list())
                .containsExactly(Sha256.hex(Files.readAllBytes(SAMPLE)));
        assertThat(jdbc.sql("select count(*) from submission where merchant_id = ? and file_name like '%.part'")
                .param(merchant).query(Integer.class).single()).isZero();
        assertThat(output.getAll()).doesNotContain(password);

        // the same content again is a duplicate: not declared twice, a notice on the merchant's server
        Files.copy(SAMPLE, remote.resolve("inbox/again.csv"));
        Path notice = remote.resolve("errors/again.csv.duplicate.txt");
        await("the duplicate notice is copied back", () -> Files.exists(notice));
        assertThat(notice).content().contains("DUPLICATE", "orders.csv");
        assertThat(remote.resolve("inbox/again.csv")).doesNotExist();
        assertThat(jdbc.sql("select count(*) from submission where merchant_id = ?").param(merchant)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aFileThatCannotLeaveTheInboxIsStoredOnceAndAnsweredAsADuplicateLater() throws Exception {
        String merchant = pollingMerchant("stuck", "pw-" + UUID.randomUUID(), merchantServer.knownHostsLine());
        Path remote = work.resolve("remote");
        Path blocker = Files.writeString(remote.resolve("archive"), "not a folder"); // the move into archive/ fails
        Files.copy(SAMPLE, remote.resolve("inbox/orders.csv"));

        pollRoutes.refresh();

        await("the failed move is reported", () -> !pollFailures(merchant).isEmpty());
        assertThat(submissionsOf(merchant)).as("stored before the move was tried").isEqualTo(1);
        assertThat(remote.resolve("inbox/orders.csv")).as("still on the merchant's server").exists();
        assertThat(pollFailures(merchant).get(0)).contains("archive on the merchant's server is not a folder");

        Files.delete(blocker); // the merchant repairs its server: the next poll finds the same file again
        Path notice = remote.resolve("errors/orders-2.csv.duplicate.txt");
        await("the repeat is answered as a duplicate", () -> Files.exists(notice));
        assertThat(remote.resolve("inbox/orders.csv")).doesNotExist();
        assertThat(submissionsOf(merchant)).as("declared once").isEqualTo(1);
        assertThat(pollFailures(merchant)).as("a lasting fault is recorded once, not per poll").hasSize(1);
        await("the first file's summary arrives", () -> Files.exists(remote.resolve("archive/orders.csv.result.txt")));
        assertThat(jdbc.sql("select count(*) from outbox_message where merchant_id = ?").param(merchant)
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void refusesServerWithUnpinnedHostKey() throws Exception {
        KeyPair impostor = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        String pinnedElsewhere = "[127.0.0.1]:" + merchantServer.port() + " "
                + PublicKeyEntry.toString(impostor.getPublic());
        String merchant = pollingMerchant("hostkey", "pw-" + UUID.randomUUID(), pinnedElsewhere);
        Path remote = work.resolve("remote");
        Files.copy(SAMPLE, remote.resolve("inbox/orders.csv"));

        pollRoutes.refresh();

        await("the refused host key is logged", () -> !pollFailures(merchant).isEmpty());
        assertThat(pollFailures(merchant).get(0)).contains("does not match the configured known-hosts entry",
                "[127.0.0.1]:" + merchantServer.port(), "nothing fetched");
        assertThat(remote.resolve("inbox/orders.csv")).exists();
        assertThat(remote.resolve("archive")).doesNotExist();
        assertThat(jdbc.sql("select count(*) from submission where merchant_id = ?").param(merchant)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void refusesToPollWithoutKnownHostsEntry(CapturedOutput output) throws Exception {
        String merchant = pollingMerchant("noknown", "pw-" + UUID.randomUUID(), null);
        Files.copy(SAMPLE, work.resolve("remote/inbox/orders.csv"));

        pollRoutes.refresh();

        assertThat(camel.getRoute(PollRoutes.ROUTE_PREFIX + merchant)).isNull();
        assertThat(output.getAll()).contains("SFTP polling of merchant " + merchant,
                "not started: no known-hosts entry is configured");
        assertThat(work.resolve("remote/inbox/orders.csv")).exists();
    }

    @Test
    void errorReportsAreWrittenBackWithKeyLogin() throws Exception {
        KeyPair key = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        Path keyFile = work.resolve("id_ed25519");
        try (OutputStream out = Files.newOutputStream(keyFile)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "gateway", null, out);
        }
        String merchant = TestMerchants.uniqueId("pollkey");
        TestMerchants.create(jdbc, merchant, "default-csv");
        Path remote = work.resolve("remote");
        merchantServer.addKeyUser(merchant, key.getPublic(), remote);
        insertSource(merchant, merchantServer.knownHostsLine(), null, keyFile);
        String csv = Files.readString(SAMPLE).lines().findFirst().orElseThrow() + "\n"
                + "GOOD-1,b1,赵六,110101199003071233,13800000009,赵六,13800000009,北京市 1 号,,0,0,0,,,,,S1,茶叶,100g/袋,,011,1,50,50,142\n"
                + "=BAD,b2,钱七,110101199003071234,13800000008,钱七,13800000008,北京市 2 号,,0,0,0,,,,,S2,茶叶,100g/袋,,011,1,50,50,142\n";
        Files.writeString(remote.resolve("inbox/mixed.csv"), csv);
        Files.writeString(remote.resolve("inbox/mixed.csv.sha256"),
                Sha256.hex(csv.getBytes(StandardCharsets.UTF_8)) + "  mixed.csv\n");
        Files.writeString(remote.resolve("inbox/wrong.csv"), csv.replace("GOOD-1", "GOOD-2"));
        Files.writeString(remote.resolve("inbox/wrong.csv.sha256"), "0".repeat(64) + "\n");

        pollRoutes.refresh();

        Path report = remote.resolve("errors/mixed.csv.errors.csv");
        await("the summary is copied back", () -> Files.exists(remote.resolve("archive/mixed.csv.result.txt")));
        assertThat(report).content().contains("BUYER_ID_NUMBER_INVALID", "file,row,column,value,rule,message");
        assertThat(remote.resolve("errors/mixed.csv.errors.json")).content()
                .contains("\"rule\" : \"BUYER_ID_NUMBER_INVALID\"");
        assertThat(remote.resolve("archive/mixed.csv.result.txt")).content().contains("1 declared, 1 failed");
        assertThat(remote.resolve("archive/mixed.csv.sha256")).exists();
        assertThat(remote.resolve("errors/wrong.csv.checksum-mismatch.txt")).content().contains("not processed");
        assertThat(remote.resolve("inbox/wrong.csv")).exists();
    }

    private String pollingMerchant(String prefix, String password, String knownHosts) throws Exception {
        String merchant = TestMerchants.uniqueId(prefix);
        TestMerchants.create(jdbc, merchant, "default-csv");
        merchantServer.addUser(merchant, password, work.resolve("remote"));
        Path passwordFile = Files.writeString(work.resolve("poll-password"), password + "\n");
        insertSource(merchant, knownHosts, passwordFile, null);
        return merchant;
    }

    private void insertSource(String merchant, String knownHosts, Path passwordFile, Path keyFile) {
        jdbc.sql("""
                insert into sftp_poll_source (merchant_id, host, port, username, known_hosts, password_file,
                    private_key_file, poll_interval_ms)
                values (?, '127.0.0.1', ?, ?, ?, ?, ?, 200)""")
                .params(merchant, merchantServer.port(), merchant, knownHosts,
                        passwordFile == null ? null : passwordFile.toString(),
                        keyFile == null ? null : keyFile.toString())
                .update();
        polled.add(merchant);
    }

    private int submissionsOf(String merchant) {
        return jdbc.sql("select count(*) from submission where merchant_id = ?").param(merchant)
                .query(Integer.class).single();
    }

    private List<String> pollFailures(String merchant) {
        return jdbc.sql("select detail from message_log where merchant_id = ? and stage = 'SFTP_POLL_FAILED'")
                .param(merchant).query(String.class).list();
    }
}
