package dev.customsgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on the message log by someone with write access to the database and the content store, each named
 * after the attack; {@code verify-log} must say what was done and where. Six entries, seq 1 to 6, each with
 * its own artefact, are written through the real append path before each test.
 */
class LogTamperTest {

    @TempDir
    Path dir;

    private AuditFixture fixture;

    @BeforeEach
    void writeLog() throws Exception {
        fixture = new AuditFixture(dir);
        fixture.recordEntries(6);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void intactLogVerifies() {
        fixture.signer.checkpoint();
        VerificationReport report = fixture.verify();
        assertThat(report.findings()).isEmpty();
        assertThat(report.intact()).isTrue();
        assertThat(report.entries()).isEqualTo(6);
        assertThat(report.artefactsVerified()).isEqualTo(6);
        assertThat(report.checkpoints()).isEqualTo(1);
        assertThat(report.lastCheckpointSeq()).isEqualTo(6);
    }

    @Test
    void detectsEditedEntry() {
        fixture.jdbc.sql("update message_log set detail = 'row 3 (quietly corrected)' where seq = 3").update();

        VerificationReport report = fixture.verify();

        assertThat(report.intact()).isFalse();
        assertThat(report.findings()).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(FindingKind.ENTRY_EDITED))
                .satisfies(f -> assertThat(f.seq()).isEqualTo(3L));
    }

    @Test
    void detectsEditedEntryWhoseHashWasRecomputed() {
        fixture.jdbc.sql("update message_log set detail = 'forged' where seq = 3").update();
        ChainedEntry edited = fixture.entryAt(3);
        fixture.jdbc.sql("update message_log set entry_hash = ? where seq = 3")
                .param(ChainHash.of(3, edited.prevHash(), edited.entry(), edited.stageCode(), edited.recordedAt())).update();

        VerificationReport report = fixture.verify();

        assertThat(report.has(FindingKind.CHAIN_BROKEN, 4L)).as(report.findings().toString()).isTrue();
    }

    @Test
    void detectsRewrittenChainAgainstCheckpoint() {
        fixture.signer.checkpoint();
        fixture.jdbc.sql("update message_log set detail = 'forged' where seq = 3").update();
        fixture.rechainFrom(3); // the chain itself is now consistent: only the signed checkpoint disagrees

        VerificationReport report = fixture.verify();

        assertThat(report.findings()).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(FindingKind.CHECKPOINT_MISMATCH))
                .satisfies(f -> assertThat(f.seq()).isEqualTo(6L));
    }

    @Test
    void detectsDeletedEntry() {
        fixture.jdbc.sql("delete from message_log where seq = 3").update();

        VerificationReport report = fixture.verify();

        assertThat(report.findings()).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(FindingKind.ENTRY_MISSING))
                .satisfies(f -> assertThat(f.seq()).isEqualTo(3L));
    }

    @Test
    void detectsDeletedEntryWhenLaterEntriesWereRenumbered() {
        fixture.jdbc.sql("delete from message_log where seq = 3").update();
        for (long seq = 4; seq <= 6; seq++) {
            fixture.jdbc.sql("update message_log set seq = ? where seq = ?").params(seq - 1, seq).update();
        }
        fixture.chain.moveHead(5, fixture.entryAt(5).entryHash());

        VerificationReport report = fixture.verify();

        assertThat(report.has(FindingKind.ENTRY_MISSING, 3L)).as(report.findings().toString()).isTrue();
        assertThat(report.has(FindingKind.ENTRY_EDITED, null)).isFalse();
    }

    @Test
    void detectsDeletedEntriesAtTheEnd() {
        fixture.jdbc.sql("delete from message_log where seq >= 5").update();

        VerificationReport report = fixture.verify();

        assertThat(report.findings()).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(FindingKind.ENTRY_MISSING))
                .satisfies(f -> assertThat(f.seq()).isEqualTo(5L));
    }

    @Test
    void detectsInsertedEntry() {
        // A careful forger: makes room at seq 3, writes an entry that hashes correctly and follows seq 2.
        for (long seq = 6; seq >= 3; seq--) {
            fixture.jdbc.sql("update message_log set seq = ? where seq = ?").params(seq + 1, seq).update();
        }
        ChainedEntry second = fixture.entryAt(2);
        LogEntry forged = LogEntry.forSubmission("demo", "submission-1", LogStage.PARSED).withDetail("row 2b");
        Instant at = second.recordedAt().plusMillis(1).truncatedTo(ChronoUnit.MICROS);
        fixture.jdbc.sql("""
                insert into message_log (correlation_id, merchant_id, submission_id, stage, detail, recorded_at,
                    seq, prev_hash, entry_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(forged.correlationId(), forged.merchantId(), forged.submissionId(), "PARSED", forged.detail(),
                        at.atOffset(ZoneOffset.UTC), 3, second.entryHash(),
                        ChainHash.of(3, second.entryHash(), forged, at))
                .update();
        fixture.chain.moveHead(7, fixture.entryAt(7).entryHash());

        VerificationReport report = fixture.verify();

        assertThat(report.has(FindingKind.ENTRY_INSERTED, 3L)).as(report.findings().toString()).isTrue();
        assertThat(report.has(FindingKind.ENTRY_EDITED, null)).isFalse();
    }

    @Test
    void detectsInsertedRowOutsideTheChain() {
        fixture.jdbc.sql("""
                insert into message_log (correlation_id, merchant_id, stage, recorded_at)
                values ('submission-1', 'demo', 'PARSED', current_timestamp)""").update();

        VerificationReport report = fixture.verify();

        assertThat(report.findings()).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(FindingKind.ENTRY_INSERTED))
                .satisfies(f -> assertThat(f.message()).contains("no place in the chain"));
    }

    @Test
    void detectsReorderedEntries() {
        fixture.jdbc.sql("update message_log set seq = -3 where seq = 3").update();
        fixture.jdbc.sql("update message_log set seq = 3 where seq = 4").update();
        fixture.jdbc.sql("update message_log set seq = 4 where seq = -3").update();

        VerificationReport report = fixture.verify();

        assertThat(report.has(FindingKind.ENTRY_REORDERED, 3L)).as(report.findings().toString()).isTrue();
        assertThat(report.has(FindingKind.ENTRY_REORDERED, 4L)).isTrue();
        assertThat(report.has(FindingKind.ENTRY_EDITED, null)).isFalse();
    }

    @Test
    void detectsAlteredArtefact() throws Exception {
        Path file = fixture.store.pathOf(fixture.entryAt(2).entry().artefactSha256());
        Files.writeString(file, "artefact submission-1 #2, amended");

        VerificationReport report = fixture.verify();

        assertThat(report.findings()).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(FindingKind.ARTEFACT_ALTERED))
                .satisfies(f -> assertThat(f.seq()).isEqualTo(2L));
    }

    @Test
    void detectsMissingArtefact() throws Exception {
        Files.delete(fixture.store.pathOf(fixture.entryAt(5).entry().artefactSha256()));

        VerificationReport report = fixture.verify();

        assertThat(report.findings()).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(FindingKind.ARTEFACT_MISSING))
                .satisfies(f -> assertThat(f.seq()).isEqualTo(5L));
    }

    @Test
    void detectsForgedCheckpoint() {
        Checkpoint genuine = fixture.signer.checkpoint().orElseThrow();
        // Claim a later head under the genuine key id, reusing the genuine signature.
        fixture.jdbc.sql("""
                insert into log_checkpoint (seq, entry_hash, signed_at, key_id, signature)
                values (?, ?, ?, ?, ?)""")
                .params(4, fixture.entryAt(4).entryHash(), genuine.signedAt().atOffset(ZoneOffset.UTC),
                        genuine.keyId(), genuine.signature())
                .update();

        VerificationReport report = fixture.verify();

        assertThat(report.findings()).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(FindingKind.CHECKPOINT_FORGED))
                .satisfies(f -> assertThat(f.seq()).isEqualTo(4L));
    }

    @Test
    void detectsCheckpointSignedWithAnotherKey() throws Exception {
        fixture.signer.checkpoint();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair attacker = generator.generateKeyPair();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(attacker.getPrivate());
        signature.update(CheckpointPayload.of(5, fixture.entryAt(5).entryHash(), at));
        fixture.jdbc.sql("""
                insert into log_checkpoint (seq, entry_hash, signed_at, key_id, signature)
                values (?, ?, ?, ?, ?)""")
                .params(5, fixture.entryAt(5).entryHash(), at.atOffset(ZoneOffset.UTC),
                        CheckpointKey.keyId(attacker.getPublic()), signature.sign())
                .update();

        VerificationReport report = fixture.verify();

        assertThat(report.findings()).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(FindingKind.CHECKPOINT_KEY_UNKNOWN));
    }
}
