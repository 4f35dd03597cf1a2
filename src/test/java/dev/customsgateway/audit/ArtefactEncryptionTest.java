package dev.customsgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Artefacts at rest: sealed with AES-256-GCM under per-merchant, per-month data keys wrapped by a master key in an
 * owner-only file; real files under a temporary directory, real H2.
 */
class ArtefactEncryptionTest {

    private static final String BUYER = "买家张三丰 Zhang Sanfeng";

    @TempDir
    Path dir;
    private AuditFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new AuditFixture(dir);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void ciphertextOnDiskHoldsNoPlaintextAndDecryptsBack() throws Exception {
        byte[] order = ("order_no,buyer_name,buyer_phone\nA-1," + BUYER + ",13800138000\n")
                .getBytes(StandardCharsets.UTF_8);
        ContentStore.StoredContent stored = fixture.store.put("demo", order);

        byte[] onDisk = Files.readAllBytes(fixture.store.pathOf(stored.sha256()));
        assertThat(new String(onDisk, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("CGWE");
        assertThat(contains(onDisk, "Zhang Sanfeng".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(contains(onDisk, "张三丰".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(contains(onDisk, "13800138000".getBytes(StandardCharsets.US_ASCII))).isFalse();
        try (InputStream in = fixture.store.open(stored.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(order);
        }
        assertThat(Files.getPosixFilePermissions(dir.resolve("keys/master.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(fixture.jdbc.sql("select count(*) from data_key where merchant_id = 'demo'").query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void streamsOfManySegmentsRoundTrip() throws Exception {
        for (int size : new int[] {0, 1, ArtefactCipher.SEGMENT, ArtefactCipher.SEGMENT + 1, 5 * ArtefactCipher.SEGMENT
                + 77}) {
            byte[] bytes = new byte[size];
            new Random(size).nextBytes(bytes);
            ContentStore.StoredContent stored = fixture.store.put("demo", new ByteArrayInputStream(bytes));
            assertThat(stored.size()).isEqualTo(size);
            try (InputStream in = fixture.store.open(stored.sha256())) {
                assertThat(in.readAllBytes()).as("size " + size).isEqualTo(bytes);
            }
        }
    }

    @Test
    void eachMerchantHasItsOwnKey() throws Exception {
        fixture.store.put("shop-a", "a".getBytes(StandardCharsets.UTF_8));
        fixture.store.put("shop-b", "b".getBytes(StandardCharsets.UTF_8));
        assertThat(fixture.jdbc.sql("select count(distinct id) from data_key").query(Long.class).single())
                .isEqualTo(2);
        assertThat(fixture.jdbc.sql("select count(*) from data_key where wrapped_key is null").query(Long.class)
                .single()).isZero();
    }

    @Test
    void rejectsAlteredCiphertextAndVerifyLogNamesTheArtefact() throws Exception {
        fixture.recordEntries(3);
        String digest = fixture.entryAt(2).entry().artefactSha256();
        Path file = fixture.store.pathOf(digest);
        byte[] sealed = Files.readAllBytes(file);
        sealed[sealed.length - 20] ^= 1;
        Files.write(file, sealed);

        assertThatThrownBy(() -> {
            try (InputStream in = fixture.store.open(digest)) {
                in.readAllBytes();
            }
        }).isInstanceOf(ArtefactTamperedException.class).hasMessageContaining(digest);
        VerificationReport report = fixture.verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.has(FindingKind.ARTEFACT_ALTERED, 2L)).isTrue();
        assertThat(report.findings()).anyMatch(f -> f.message().contains(digest));
    }

    @Test
    void rejectsOneSealedFileSwappedForAnother() throws Exception {
        fixture.recordEntries(2);
        Path first = fixture.store.pathOf(fixture.entryAt(1).entry().artefactSha256());
        Path second = fixture.store.pathOf(fixture.entryAt(2).entry().artefactSha256());
        Files.copy(second, first, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        VerificationReport report = fixture.verify();
        assertThat(report.has(FindingKind.ARTEFACT_ALTERED, 1L)).isTrue();
        assertThat(report.has(FindingKind.ARTEFACT_ALTERED, 2L)).isFalse();
    }

    @Test
    void readsPlaintextStoredBeforeEncryptionExisted() throws Exception {
        byte[] legacy = "legacy upload, stored in clear".getBytes(StandardCharsets.UTF_8);
        String digest = dev.customsgateway.core.Sha256.hex(legacy);
        Path file = fixture.store.pathOf(digest);
        Files.createDirectories(file.getParent());
        Files.write(file, legacy);
        fixture.log.record(LogEntry.forSubmission("demo", "legacy-1", LogStage.RECEIVED)
                .withArtefact("upload", digest, legacy.length));

        try (InputStream in = fixture.store.open(digest)) {
            assertThat(in.readAllBytes()).isEqualTo(legacy);
        }
        assertThat(fixture.verify().intact()).isTrue();
        // Stored again, the same bytes are sealed in place: the plaintext copy is gone from the disk.
        fixture.store.put("demo", legacy);
        assertThat(new String(Files.readAllBytes(file), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("CGWE");
        assertThat(fixture.verify().intact()).isTrue();
    }

    @Test
    void refusesToReplaceALostMasterKeyWhileDataKeysExist() throws Exception {
        ContentStore.StoredContent stored = fixture.store.put("demo", "x".getBytes(StandardCharsets.UTF_8));
        Files.delete(dir.resolve("keys/master.key"));
        MasterKey fresh = new MasterKey(dir.resolve("keys/master.key"), null);
        DataKeys keys = new DataKeys(fixture.jdbc, fresh, java.time.Clock.systemUTC());
        ContentStore store = new ContentStore(fixture.properties, new ArtefactSealing(keys, fixture.jdbc));
        assertThatThrownBy(() -> store.open(stored.sha256())).hasMessageContaining("master key is missing");
        assertThat(dir.resolve("keys/master.key")).doesNotExist();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
