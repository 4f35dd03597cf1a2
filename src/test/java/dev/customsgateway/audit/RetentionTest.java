package dev.customsgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention by crypto-shredding, over real H2 and real files: expired data keys are destroyed and their files
 * deleted, the deletion is a log entry, verify-log stays green and says "shredded", legal holds block it.
 */
class RetentionTest {

    private static final Instant JANUARY_2020 = Instant.parse("2020-01-15T10:00:00Z");
    /** Past the default retention (3 x 366 days after the end of January 2020). */
    private static final Instant LATER = Instant.parse("2023-06-01T00:00:00Z");

    @TempDir
    Path dir;
    private AuditFixture f;
    private LegalHolds holds;
    private RetentionJob job;

    @BeforeEach
    void start() throws Exception {
        f = new AuditFixture(dir);
        holds = new LegalHolds(f.jdbc, f.log, f.tx, f.clock);
        job = new RetentionJob(f.dataKeys, holds, f.chain, f.store, f.log, f.jdbc, f.tx, f.properties, f.clock);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void shreddingLeavesTheChainVerifiableAndTheArtefactUnreadable() throws Exception {
        f.clock.set(JANUARY_2020);
        String old = message("demo", "guid-old", "buyer Li Lei, ID 110101199003077777");
        f.clock.set(LATER);
        String recent = message("demo", "guid-new", "buyer Han Meimei");

        List<RetentionJob.Decision> decisions = job.run();

        assertThat(decisions).anyMatch(d -> d.action() == RetentionJob.Action.DESTROY
                && d.scope().period().toString().equals("2020-01"));
        assertThat(f.store.pathOf(old)).doesNotExist();
        assertThatThrownBy(() -> f.store.open(old)).isInstanceOf(ArtefactShreddedException.class);
        try (InputStream in = f.store.open(recent)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("Han Meimei");
        }
        ChainedEntry deletion = f.entries().stream()
                .filter(e -> e.entry().stage() == LogStage.ARTEFACTS_SHREDDED).findFirst().orElseThrow();
        assertThat(deletion.entry().merchantId()).isEqualTo("demo");
        assertThat(deletion.entry().detail()).startsWith("period 2020-01: ").contains("1 artefact(s) deleted");
        assertThat(f.jdbc.sql("select count(*) from data_key where wrapped_key is null").query(Long.class).single())
                .isEqualTo(1);

        VerificationReport report = f.verify();
        assertThat(report.intact()).as(report.findings().toString()).isTrue();
        assertThat(report.artefactsShredded()).isEqualTo(1);
        assertThat(report.has(FindingKind.ARTEFACT_SHREDDED, deletion.seq())).isTrue();
        assertThat(report.findings()).noneMatch(x -> x.kind() == FindingKind.ARTEFACT_MISSING);
        assertThat(job.run()).as("nothing left to do").noneMatch(d -> d.action() == RetentionJob.Action.DESTROY);
    }

    @Test
    void aDestroyedKeyWithoutARecordedDeletionIsTampering() throws Exception {
        f.clock.set(JANUARY_2020);
        String old = message("demo", "guid-old", "buyer Li Lei");
        f.jdbc.sql("update data_key set wrapped_key = null, destroyed_at = current_timestamp").update();
        Files.delete(f.store.pathOf(old));

        VerificationReport report = f.verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.has(FindingKind.ARTEFACT_MISSING, 1L)).isTrue();
        assertThat(report.findings()).anyMatch(x -> x.message().contains(old));
    }

    @Test
    void legalHoldOnTheMerchantPreventsShreddingUntilReleased() throws Exception {
        f.clock.set(JANUARY_2020);
        String old = message("demo", "guid-old", "buyer Li Lei");
        f.clock.set(LATER);
        String hold = holds.place("demo", null, "customs inquiry 2023-17", "operator");

        assertThat(job.run()).anyMatch(d -> d.action() == RetentionJob.Action.HELD && d.reason().contains(hold))
                .noneMatch(d -> d.action() == RetentionJob.Action.DESTROY);
        assertThat(f.store.pathOf(old)).exists();
        assertThat(f.verify().intact()).isTrue();

        assertThat(holds.release(hold, "operator")).isTrue();
        assertThat(job.run()).anyMatch(d -> d.action() == RetentionJob.Action.DESTROY);
        assertThat(f.store.pathOf(old)).doesNotExist();
        assertThat(f.entries()).extracting(e -> e.entry().stage()).containsSubsequence(LogStage.LEGAL_HOLD_SET,
                LogStage.LEGAL_HOLD_RELEASED, LogStage.ARTEFACTS_SHREDDED);
    }

    @Test
    void legalHoldOnOneMessageKeepsItsMonth() throws Exception {
        f.clock.set(JANUARY_2020);
        String held = message("demo", "guid-held", "buyer Li Lei");
        f.clock.set(Instant.parse("2020-02-10T10:00:00Z"));
        String other = message("demo", "guid-other", "buyer Wang Wu");
        f.clock.set(LATER);
        holds.place("demo", "guid-held", "court order 42", "operator");

        job.run();

        assertThat(f.store.pathOf(held)).exists();
        assertThat(f.store.pathOf(other)).doesNotExist();
        assertThat(f.verify().intact()).isTrue();
    }

    @Test
    void dryRunChangesNothing() throws Exception {
        f.clock.set(JANUARY_2020);
        String old = message("demo", "guid-old", "buyer Li Lei");
        f.clock.set(LATER);
        long entries = f.entries().size();

        assertThat(job.plan()).anyMatch(d -> d.action() == RetentionJob.Action.DESTROY);
        assertThat(f.store.pathOf(old)).exists();
        assertThat(f.entries()).hasSize((int) entries);
        assertThat(f.jdbc.sql("select count(*) from data_key where destroyed_at is not null").query(Long.class)
                .single()).isZero();
    }

    @Test
    void bytesStoredAgainByAnotherMerchantOutliveTheFirstKey() throws Exception {
        f.clock.set(JANUARY_2020);
        String shared = message("shop-a", "guid-a", "identical response body");
        f.clock.set(Instant.parse("2023-05-20T00:00:00Z"));
        f.log.record(new LogEntry("guid-b", "shop-b", "sub-b", LogStage.DELIVERED, "CEB311", "o-b", "guid-b",
                "delivery-response", shared, 23L, null));
        f.clock.set(LATER);

        // shop-a's January 2020 key goes; shop-b's entry of May 2023 still names the bytes: kept, sealed for shop-b.
        job.run();

        assertThat(f.jdbc.sql("select d.merchant_id from sealed_content s join data_key d on d.id = s.key_id"
                + " where s.sha256 = ?").param(shared).query(String.class).single()).isEqualTo("shop-b");
        try (InputStream in = f.store.open(shared)) {
            assertThat(in.readAllBytes()).isEqualTo("identical response body".getBytes());
        }
        assertThat(f.verify().intact()).isTrue();
    }

    @Test
    void evidenceOfAShreddedMessageSaysSoAndStillVerifiesOffline() throws Exception {
        f.clock.set(JANUARY_2020);
        String old = message("demo", "guid-old", "buyer Li Lei");
        f.clock.set(LATER);
        job.run();
        EvidenceBundle evidence = new EvidenceBundle(f.chain, f.checkpoints, f.signer, f.key, f.store, f.clock);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();

        assertThat(evidence.write("guid-old", zip)).isTrue();

        java.util.Map<String, byte[]> files = BundleFiles.unzip(zip.toByteArray());
        assertThat(files).doesNotContainKey("artefacts/" + old).containsKey("SHREDDED.txt");
        assertThat(new String(files.get("SHREDDED.txt"), StandardCharsets.UTF_8)).contains(old)
                .contains("crypto-shredding");
        assertThat(new String(files.get("README.txt"), StandardCharsets.UTF_8)).contains("SHREDDED");
        assertThat(new String(files.get("statement.txt"), StandardCharsets.US_ASCII)).contains(old);
        assertThat(EvidenceVerifier.verify(new java.io.ByteArrayInputStream(zip.toByteArray()), null)).isEmpty();

        // The absence is excused by the signed statement's list, not by the shredding entry alone: the same bundle
        // with a (validly signed) statement naming no shredded artefact is missing one.
        String entriesSha256 = dev.customsgateway.core.Sha256.hex(files.get("entries.json"));
        byte[] statement = EvidenceStatement.of("guid-old", entriesSha256, java.util.List.of(), f.clock.instant());
        files.put("statement.txt", statement);
        files.put("statement.sig", CheckpointSigner.sign(f.key.loadOrCreate(), statement));
        BundleFiles.rebuildManifest(files);
        assertThat(BundleFiles.verify(files, null))
                .anyMatch(p -> p.contains("artefact " + old + " is missing"));
    }

    @Test
    void operatorCommandsPlaceAndReleaseHoldsAndDryRunTheJob() throws Exception {
        f.clock.set(JANUARY_2020);
        String old = message("demo", "guid-old", "buyer Li Lei");
        f.clock.set(LATER);
        LegalHoldCommand legalHold = new LegalHoldCommand(holds, new org.springframework.core.env.StandardEnvironment());
        RetentionCommand retention = new RetentionCommand(job, new org.springframework.core.env.StandardEnvironment());

        assertThat(run(legalHold, "place", "demo")).as("a hold needs a reason").startsWith("64");
        String placed = run(legalHold, "place", "demo", "--reason=tax audit 2023");
        assertThat(placed).startsWith("0 hold ").contains(" placed");
        String id = placed.split(" ")[2];
        assertThat(run(legalHold, "list")).contains(id).contains("tax audit 2023");
        assertThat(run(retention, "--dry-run")).contains("HELD demo 2020-01").contains("0 data key(s) would be destroyed");
        // As launched (java -jar ... legal-hold place demo --reason=...): the launcher hands --options to Spring.
        org.springframework.core.env.StandardEnvironment launched = new org.springframework.core.env.StandardEnvironment();
        launched.getPropertySources().addFirst(new org.springframework.core.env.SimpleCommandLinePropertySource(
                "--reason=second case", "--message=guid-old", "--dry-run"));
        String second = run(new LegalHoldCommand(holds, launched), "place", "demo");
        assertThat(second).startsWith("0 hold ");
        assertThat(holds.active()).anyMatch(h -> "guid-old".equals(h.guid()) && h.reason().equals("second case"));
        assertThat(run(new RetentionCommand(job, launched))).contains("dry run:");
        assertThat(run(legalHold, "release", second.split(" ")[2])).startsWith("0 hold ");
        assertThat(run(legalHold, "release", id)).startsWith("0 hold " + id + " released");
        assertThat(run(retention, "--dry-run")).contains("WOULD DESTROY demo 2020-01");
        assertThat(f.store.pathOf(old)).as("a dry run changes nothing").exists();
        assertThat(run(retention)).contains("DESTROY demo 2020-01").contains("1 data key(s) destroyed");
        assertThat(f.store.pathOf(old)).doesNotExist();
    }

    /** The command's exit status, a space, and what it printed. */
    private static String run(dev.customsgateway.core.GatewayCommand command, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
        int status = command.run(List.of(args), print, print);
        return status + " " + out.toString(StandardCharsets.UTF_8);
    }

    private String message(String merchant, String guid, String text) {
        ContentStore.StoredContent c = f.store.put(merchant, text.getBytes(StandardCharsets.UTF_8));
        f.log.record(new LogEntry(guid, merchant, "sub-" + guid, LogStage.MAPPED, "CEB311", "order-" + guid, guid,
                "customs-xml", c.sha256(), c.size(), null));
        return c.sha256();
    }

}
