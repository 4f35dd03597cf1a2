package dev.customsgateway.intake.sftp;

import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.TestMerchants;
import dev.customsgateway.core.PasswordHasher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Shared helpers of the SFTP tests: fresh merchants with SFTP accounts, an OpenSSH client for them, their homes
 * on disk, and waiting on a condition with a deadline instead of sleeping.
 */
abstract class SftpTestSupport extends GatewayIntegrationTest {

    static final Path SAMPLE = Path.of("src/test/resources/fixtures/orders/sample-orders.csv");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SftpServer server;
    @Autowired
    SftpAccounts accounts;
    @Autowired
    PasswordHasher hasher;
    @Autowired
    UploadCompletion completion;
    @Autowired
    MerchantHomes homes;

    @TempDir
    Path work;

    /** A new merchant (default CSV profile) with one SFTP account named like it and a random password. */
    TestAccount newMerchant(String prefix) {
        String id = TestMerchants.uniqueId(prefix);
        TestMerchants.create(jdbc, id, "default-csv");
        String password = UUID.randomUUID().toString();
        accounts.create(id, id, hasher.hash(password), OffsetDateTime.now());
        try {
            homes.ensure(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestAccount(id, id, password);
    }

    OpenSshSftp sftp(TestAccount account) throws IOException {
        return OpenSshSftp.withPassword(server.port(), account.username(), account.password(), work);
    }

    Path home(String merchantId) {
        return DATA_DIR.resolve("sftp").resolve(merchantId);
    }

    Path local(String name, byte[] content) {
        try {
            return Files.write(work.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void option(String merchantId, String column, Object value) {
        if (jdbc.sql("select count(*) from sftp_merchant_option where merchant_id = ?").param(merchantId)
                .query(Integer.class).single() == 0) {
            jdbc.sql("insert into sftp_merchant_option (merchant_id) values (?)").param(merchantId).update();
        }
        jdbc.sql("update sftp_merchant_option set " + column + " = ? where merchant_id = ?")
                .params(value, merchantId).update();
    }

    /** What the server answered, without the client's echo of the commands. */
    static String answers(OpenSshSftp.Result result) {
        return result.output().lines().filter(l -> !l.startsWith("sftp>"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    /** Waits until the condition holds, polling; fails after the deadline. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what);
            }
        }
    }

    /** A merchant and its SFTP account. */
    record TestAccount(String merchantId, String username, String password) {
    }
}
