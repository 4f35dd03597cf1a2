package dev.customsgateway.intake.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.core.Sha256;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** Large files, the size and rate limits, and the opt-in quiet-period completion, over real SFTP. */
class SftpLimitsTest extends SftpTestSupport {

    private static final long HUNDRED_MB = 100L * 1024 * 1024;

    @org.springframework.beans.factory.annotation.Autowired
    private dev.customsgateway.audit.ContentStore store;

    /**
     * 100 MB and more through the real client and server, stored byte for byte and processed end to end. The
     * file is the three sample orders followed by 100 MB of empty lines, which the CSV reader skips: the transfer,
     * the storage and two full reads of the file are real, without declaring half a million orders here.
     */
    @Test
    void acceptsAFileOfAHundredMegabytes() throws Exception {
        TestAccount shop = newMerchant("big");
        Path big = work.resolve("big.csv.part");
        MessageDigest digest = Sha256.newDigest();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(big), digest)) {
            out.write(Files.readAllBytes(SAMPLE));
            byte[] newlines = new byte[1024 * 1024];
            java.util.Arrays.fill(newlines, (byte) '\n');
            for (long written = 0; written < HUNDRED_MB; written += newlines.length) {
                out.write(newlines);
            }
        }
        String sha256 = Sha256.hex(digest);
        long size = Files.size(big);

        long start = System.nanoTime();
        OpenSshSftp.Result put = sftp(shop).run("put big.csv.part inbox/", "rename inbox/big.csv.part inbox/big.csv");
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(put.exitCode()).as(put.output()).isZero();
        System.out.printf("SFTP upload of %d bytes took %.1f s: %.1f MB/s%n", size, seconds,
                size / 1024.0 / 1024.0 / seconds);
        Path result = home(shop.merchantId()).resolve("archive/big.csv.result.txt");
        await("the 100 MB file is processed", () -> Files.exists(result));
        assertThat(result).content().contains("status: COMPLETED", "3 declared", sha256);
        MessageDigest decrypted = Sha256.newDigest();
        long stored;
        try (java.io.InputStream in = new java.security.DigestInputStream(store.open(sha256), decrypted)) {
            stored = in.transferTo(java.io.OutputStream.nullOutputStream()); // decrypted as it is read
        }
        assertThat(stored).isEqualTo(size);
        assertThat(Sha256.hex(decrypted)).isEqualTo(sha256);
        assertThat(home(shop.merchantId()).resolve("archive/big.csv")).hasSize(size);
    }

    @Test
    void refusesAFileOverTheSizeLimitWithANotice() throws Exception {
        TestAccount shop = newMerchant("toolarge");
        option(shop.merchantId(), "max_file_bytes", 1000L);
        local("large.csv.part", new byte[5000]);

        OpenSshSftp.Result put = sftp(shop).run("put large.csv.part inbox/");

        assertThat(put.output()).containsIgnoringCase("denied");
        assertThat(home(shop.merchantId()).resolve("errors/large.csv.part.too-large.txt")).content()
                .contains("larger than the limit of 1000 bytes");
        await("the cut-off file is removed", () -> !Files.exists(home(shop.merchantId())
                .resolve("inbox/large.csv.part")));
    }

    @Test
    void refusesTooManyFilesPerMinuteWithANotice() throws Exception {
        TestAccount shop = newMerchant("ratelimit");
        option(shop.merchantId(), "files_per_minute", 2);
        local("a.csv.part", "a\n".getBytes());

        OpenSshSftp.Result put = sftp(shop).run("put a.csv.part inbox/1.csv.part", "put a.csv.part inbox/2.csv.part",
                "put a.csv.part inbox/3.csv.part");

        assertThat(put.output()).containsIgnoringCase("denied");
        assertThat(home(shop.merchantId()).resolve("inbox/2.csv.part")).as(put.output()).exists();
        assertThat(home(shop.merchantId()).resolve("inbox/3.csv.part")).doesNotExist();
        assertThat(home(shop.merchantId()).resolve("errors/3.csv.part.rate-limited.txt")).content()
                .contains("at most 2 new files per minute");
    }

    @Test
    void quietPeriodModeTakesAClosedUnchangedFile() throws Exception {
        TestAccount shop = newMerchant("quiet");
        option(shop.merchantId(), "quiet_period_seconds", 1);
        Files.copy(SAMPLE, work.resolve("orders.csv"));

        assertThat(sftp(shop).run("put orders.csv inbox/").exitCode()).isZero();

        Path result = home(shop.merchantId()).resolve("archive/orders.csv.result.txt");
        await("the quiet file is processed", () -> Files.exists(result));
        assertThat(result).content().contains("status: COMPLETED");
    }
}
