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

    @Test
    void rotatingTheMasterKeyRewrapsEveryDataKeyAndRetiresTheOldKey() throws Exception {
        ContentStore.StoredContent a = fixture.store.put("shop-a",
                ("order of " + BUYER).getBytes(StandardCharsets.UTF_8));
        ContentStore.StoredContent b = fixture.store.put("shop-b",
                "another order".getBytes(StandardCharsets.UTF_8));
        Path keyFile = dir.resolve("keys/master.key");
        String before = Files.readString(keyFile);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        MasterKeyCommand command = new MasterKeyCommand(fixture.masterKey, fixture.dataKeys, fixture.tx,
                java.time.Clock.systemUTC());

        int status = command.run(java.util.List.of("rotate"), new java.io.PrintStream(out, true), System.err);

        assertThat(status).as(out.toString()).isZero();
        assertThat(out.toString()).contains("rotated: 2 data key(s)");
        assertThat(Files.readString(keyFile)).isNotEqualTo(before);
        assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (var retired = Files.list(dir.resolve("keys"))) {
            assertThat(retired.filter(f -> f.getFileName().toString().startsWith("master.key.retired-")))
                    .singleElement().satisfies(f -> assertThat(Files.readString(f)).isEqualTo(before));
        }
        // A fresh start (new objects, nothing cached) reads everything with the new key alone.
        MasterKey restarted = new MasterKey(keyFile, null);
        ContentStore store = new ContentStore(fixture.properties,
                new ArtefactSealing(new DataKeys(fixture.jdbc, restarted, java.time.Clock.systemUTC()), fixture.jdbc));
        try (InputStream in = store.open(a.sha256())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("order of " + BUYER);
        }
        try (InputStream in = store.open(b.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo("another order".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(fixture.jdbc.sql("select count(distinct master_key_id) from data_key").query(Long.class).single())
                .isEqualTo(1);
        // The old key no longer opens anything.
        MasterKey old = new MasterKey(dir.resolve("old.key"), before.strip());
        ContentStore withOld = new ContentStore(fixture.properties,
                new ArtefactSealing(new DataKeys(fixture.jdbc, old, java.time.Clock.systemUTC()), fixture.jdbc));
        assertThatThrownBy(() -> withOld.open(a.sha256())).hasMessageContaining("restore the right master key");
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
