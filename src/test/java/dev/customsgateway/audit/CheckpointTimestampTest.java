package dev.customsgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints time-stamped by an RFC 3161 authority (a local one started by the test): the token is obtained,
 * checked and kept; verification checks it again and catches a token that does not cover the checkpoint or
 * comes from an authority other than the configured one.
 */
class CheckpointTimestampTest {

    @TempDir
    Path dir;

    @Test
    void timestampsCheckpointWithTheConfiguredAuthority() throws Exception {
        try (LocalTimestampAuthority tsa = new LocalTimestampAuthority();
                AuditFixture fixture = new AuditFixture(dir, tsa.url(), tsa.writeCertificate(dir.resolve("tsa.pem")),
                        4)) {
            fixture.recordEntries(3);

            Checkpoint checkpoint = fixture.signer.checkpoint().orElseThrow();

            assertThat(checkpoint.timestampToken()).isNotNull();
            Instant stamped = new TimestampCheck(CheckpointKey.readCertificate(dir.resolve("tsa.pem")))
                    .verify(checkpoint.timestampToken(), checkpoint.signature());
            assertThat(Duration.between(checkpoint.signedAt(), stamped).abs()).isLessThan(Duration.ofMinutes(1));
            VerificationReport report = fixture.verify();
            assertThat(report.findings()).isEmpty();
            assertThat(report.lastCheckpointSeq()).isEqualTo(3);
        }
    }

    @Test
    void detectsForgedTimestamp() throws Exception {
        try (LocalTimestampAuthority tsa = new LocalTimestampAuthority();
                AuditFixture fixture = new AuditFixture(dir, tsa.url(), tsa.writeCertificate(dir.resolve("tsa.pem")),
                        4)) {
            fixture.recordEntries(3);
            Checkpoint first = fixture.signer.checkpoint().orElseThrow();
            fixture.recordEntries(1);
            Checkpoint second = fixture.signer.checkpoint().orElseThrow();
            // Back-date the second checkpoint by giving it the first one's (genuine) token.
            fixture.jdbc.sql("update log_checkpoint set timestamp_token = ? where seq = ?")
                    .params(first.timestampToken(), second.seq()).update();

            VerificationReport report = fixture.verify();

            assertThat(report.findings()).singleElement()
                    .satisfies(f -> assertThat(f.kind()).isEqualTo(FindingKind.TIMESTAMP_INVALID))
                    .satisfies(f -> assertThat(f.seq()).isEqualTo(second.seq()));
        }
    }

    @Test
    void detectsTimestampFromAnotherAuthority() throws Exception {
        try (LocalTimestampAuthority trusted = new LocalTimestampAuthority();
                LocalTimestampAuthority impostor = new LocalTimestampAuthority();
                AuditFixture fixture = new AuditFixture(dir, impostor.url(),
                        trusted.writeCertificate(dir.resolve("tsa.pem")), 4)) {
            fixture.recordEntries(3);

            Checkpoint checkpoint = fixture.signer.checkpoint().orElseThrow();
            assertThat(checkpoint.timestampToken()).as("the impostor's token is refused when obtained").isNull();
            assertThat(impostor.requests()).isEqualTo(1);

            // Slipped into the database afterwards, it is refused by verification too.
            byte[] impostorToken = new TimestampClient(impostor.url(), new TimestampCheck(null))
                    .timestamp(checkpoint.signature());
            fixture.jdbc.sql("update log_checkpoint set timestamp_token = ?").param(impostorToken).update();

            assertThat(fixture.verify().findings()).singleElement()
                    .satisfies(f -> assertThat(f.kind()).isEqualTo(FindingKind.TIMESTAMP_INVALID));
        }
    }

    @Test
    void checkpointIsKeptWhenTheAuthorityIsDown() throws Exception {
        try (AuditFixture fixture = new AuditFixture(dir, URI.create("http://127.0.0.1:9/tsr"), null, 4)) {
            fixture.recordEntries(2);

            Checkpoint checkpoint = fixture.signer.checkpoint().orElseThrow();

            assertThat(checkpoint.timestampToken()).isNull();
            assertThat(fixture.verify().findings()).isEmpty();
        }
    }
}
