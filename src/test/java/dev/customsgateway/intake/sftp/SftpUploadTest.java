package dev.customsgateway.intake.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.core.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** From upload to result, through the real OpenSSH client: completion rules, archive, errors, duplicates. */
class SftpUploadTest extends SftpTestSupport {

    @Test
    void completeUploadIsDeclaredEndToEnd() throws Exception {
        TestAccount shop = newMerchant("e2e");
        Files.copy(SAMPLE, work.resolve("orders.csv.part"));

        OpenSshSftp.Result put = sftp(shop).run("put orders.csv.part inbox/orders.csv.part",
                "rename inbox/orders.csv.part inbox/orders.csv");

        assertThat(put.exitCode()).as(put.output()).isZero();
        Path result = home(shop.merchantId()).resolve("archive/orders.csv.result.txt");
        await("the result summary is written", () -> Files.exists(result));
        assertThat(Files.readString(result)).contains("status: COMPLETED", "orders: 3 read, 3 declared, 0 failed",
                "errors: none", Sha256.hex(Files.readAllBytes(SAMPLE)));
        assertThat(home(shop.merchantId()).resolve("archive/orders.csv")).hasSameBinaryContentAs(SAMPLE);
        assertThat(home(shop.merchantId()).resolve("inbox/orders.csv")).doesNotExist();
        assertThat(jdbc.sql("select file_name from outbox_message where merchant_id = ?").param(shop.merchantId())
                .query(String.class).list())
                .as("three signed CEB311 committed to the outbox").hasSize(3)
                .allSatisfy(n -> assertThat(n).startsWith("CEB311_").endsWith(".xml"));
        assertThat(jdbc.sql("""
                select stage from message_log where merchant_id = ? and stage = 'RECEIVED'
                and detail like 'SFTP orders.csv%'""").param(shop.merchantId()).query(String.class).list())
                .hasSize(1);
        OpenSshSftp.Result look = sftp(shop).run("ls -1 archive");
        assertThat(answers(look)).contains("orders.csv", "orders.csv.result.txt");
    }

    @Test
    void interruptedUploadIsNotProcessed() throws Exception {
        TestAccount shop = newMerchant("interrupted");
        Path big = work.resolve("orders.csv");
        try (var file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(400L * 1024 * 1024); // sparse: costs nothing to make, takes a while to send
        }
        Path target = home(shop.merchantId()).resolve("inbox/orders.csv");

        Process put = sftp(shop).start("put orders.csv inbox/orders.csv");
        await("the upload has started", () -> sizeOf(target) > 0);
        put.descendants().forEach(ProcessHandle::destroyForcibly);
        put.destroyForcibly();
        put.waitFor();
        await("the server has closed the interrupted handle", () -> !completion.beingWritten(shop.merchantId(),
                "orders.csv"));

        assertThat(sizeOf(target)).isBetween(1L, 400L * 1024 * 1024 - 1);
        assertThat(uploadsOf(shop)).as("never marked complete").isZero();
        assertThat(target).exists();
        assertThat(submissionsOf(shop)).isZero();

        // a .part that is complete but never renamed is not processed either
        Files.copy(SAMPLE, work.resolve("later.csv.part"));
        assertThat(sftp(shop).run("put later.csv.part inbox/").exitCode()).isZero();
        assertThat(uploadsOf(shop)).isZero();
        assertThat(home(shop.merchantId()).resolve("inbox/later.csv.part")).exists();
        assertThat(submissionsOf(shop)).isZero();
    }

    @Test
    void checksumSidecarCompletesAnUpload() throws Exception {
        TestAccount shop = newMerchant("sidecar");
        Files.copy(SAMPLE, work.resolve("orders.csv"));
        Files.writeString(work.resolve("orders.csv.sha256"), Sha256.hex(Files.readAllBytes(SAMPLE)) + "  orders.csv\n");
        Files.writeString(work.resolve("wrong.csv"), Files.readString(SAMPLE));
        Files.writeString(work.resolve("wrong.csv.sha256"), "0".repeat(64) + "\n");

        assertThat(sftp(shop).run("put orders.csv inbox/", "put orders.csv.sha256 inbox/", "put wrong.csv inbox/",
                "put wrong.csv.sha256 inbox/").exitCode()).isZero();

        Path result = home(shop.merchantId()).resolve("archive/orders.csv.result.txt");
        await("the result summary is written", () -> Files.exists(result));
        assertThat(home(shop.merchantId()).resolve("archive/orders.csv.sha256")).exists();
        assertThat(home(shop.merchantId()).resolve("errors/wrong.csv.checksum-mismatch.txt")).content()
                .contains("not processed");
        assertThat(home(shop.merchantId()).resolve("inbox/wrong.csv")).exists();
    }

    @Test
    void rowErrorsProduceErrorReports() throws Exception {
        TestAccount shop = newMerchant("rowerrors");
        String csv = Files.readString(SAMPLE).lines().findFirst().orElseThrow() + "\n"
                + "GOOD-1,b1,赵六,110101199003071233,13800000009,赵六,13800000009,北京市 1 号,,0,0,0,,,,,S1,茶叶,100g/袋,,011,1,50,50,142\n"
                + "=BAD,b2,钱七,110101199003071234,13800000008,钱七,13800000008,北京市 2 号,,0,0,0,,,,,S2,茶叶,100g/袋,,011,1,50,50,142\n";
        local("mixed.csv.tmp", csv.getBytes(StandardCharsets.UTF_8));

        sftp(shop).run("put mixed.csv.tmp inbox/", "rename inbox/mixed.csv.tmp inbox/mixed.csv");

        Path report = home(shop.merchantId()).resolve("errors/mixed.csv.errors.csv");
        await("the error report is written", () -> Files.exists(home(shop.merchantId())
                .resolve("archive/mixed.csv.result.txt")));
        assertThat(report).content().contains("BUYER_ID_NUMBER_INVALID", "file,row,column,value,rule,message");
        assertThat(home(shop.merchantId()).resolve("errors/mixed.csv.errors.json")).content()
                .contains("\"rule\" : \"BUYER_ID_NUMBER_INVALID\"");
        assertThat(home(shop.merchantId()).resolve("archive/mixed.csv.result.txt")).content()
                .contains("1 declared, 1 failed");
        OpenSshSftp.Result fetched = sftp(shop).run("get errors/mixed.csv.errors.csv fetched.csv");
        assertThat(work.resolve("fetched.csv")).as(fetched.output()).hasSameTextualContentAs(report);
    }

    @Test
    void undecodableFileProducesErrorReport() throws Exception {
        TestAccount shop = newMerchant("latin1");
        local("latin1.csv.filepart", "order_no,buyer_name\nX-1,M\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1));

        sftp(shop).run("put latin1.csv.filepart inbox/", "rename inbox/latin1.csv.filepart inbox/latin1.csv");

        Path report = home(shop.merchantId()).resolve("errors/latin1.csv.errors.csv");
        // the summary is written after the error reports, so once it exists both are complete
        await("the summary is written", () -> Files.exists(home(shop.merchantId())
                .resolve("archive/latin1.csv.result.txt")));
        assertThat(report).content().contains("FILE_ENCODING", "line 2");
        assertThat(home(shop.merchantId()).resolve("archive/latin1.csv.result.txt")).content()
                .contains("status: REFUSED (FILE_ENCODING)");
        assertThat(home(shop.merchantId()).resolve("archive/latin1.csv")).exists();
    }

    @Test
    void duplicateUploadGetsANotice() throws Exception {
        TestAccount shop = newMerchant("duplicate");
        Files.copy(SAMPLE, work.resolve("first.csv.part"));
        Files.copy(SAMPLE, work.resolve("again.csv.part"));
        sftp(shop).run("put first.csv.part inbox/", "rename inbox/first.csv.part inbox/first.csv");
        await("the first upload is stored", () -> submissionsOf(shop) == 1);

        sftp(shop).run("put again.csv.part inbox/", "rename inbox/again.csv.part inbox/again.csv");

        Path notice = home(shop.merchantId()).resolve("errors/again.csv.duplicate.txt");
        await("the duplicate notice is written", () -> Files.exists(notice));
        assertThat(notice).content().contains("DUPLICATE", "first.csv", "not declared twice");
        assertThat(submissionsOf(shop)).isEqualTo(1);
        assertThat(home(shop.merchantId()).resolve("inbox/again.csv")).doesNotExist();
        assertThat(jdbc.sql("select count(*) from message_log where merchant_id = ? and stage = 'DUPLICATE'")
                .param(shop.merchantId()).query(Integer.class).single()).isEqualTo(1);
    }

    private int uploadsOf(TestAccount shop) {
        return jdbc.sql("select count(*) from sftp_upload where merchant_id = ?").param(shop.merchantId())
                .query(Integer.class).single();
    }

    private int submissionsOf(TestAccount shop) {
        return jdbc.sql("select count(*) from submission where merchant_id = ?").param(shop.merchantId())
                .query(Integer.class).single();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
