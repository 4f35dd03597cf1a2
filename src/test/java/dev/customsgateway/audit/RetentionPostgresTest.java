package dev.customsgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sealing, crypto-shredding, legal holds and the access record on PostgreSQL (started by {@code .ci/test.sh}): the
 * same SQL as on H2 ({@code on conflict}, {@code for update}, typed null parameters).
 */
class RetentionPostgresTest {

    @TempDir
    Path dir;

    @Test
    void shredsHoldsAndRecordsOnPostgres() throws Exception {
        try (AuditFixture f = new AuditFixture(dir, null, null, 4, required("GATEWAY_TEST_POSTGRES_URL"),
                required("GATEWAY_TEST_POSTGRES_USER"), required("GATEWAY_TEST_POSTGRES_PASSWORD"), true)) {
            LegalHolds holds = new LegalHolds(f.jdbc, f.log, f.tx, f.clock);
            RetentionJob job = new RetentionJob(f.dataKeys, holds, f.chain, f.store, f.log, f.jdbc, f.tx,
                    f.properties, f.clock);
            f.clock.set(Instant.parse("2020-01-15T10:00:00Z"));
            String old = put(f, "shop-a", "guid-a", "buyer Li Lei");
            String held = put(f, "shop-b", "guid-b", "buyer Wang Wu");
            put(f, "shop-a", "guid-a2", "buyer Li Lei"); // the same bytes again: one file, one claim
            f.clock.set(Instant.parse("2023-06-01T00:00:00Z"));
            holds.place("shop-b", "guid-b", "court order", "test");
            new ComplianceAccessLog(f.log, f.jdbc).record("cred-1", null, "GET /api/v1/audit/verification");

            job.run();

            assertThatThrownBy(() -> f.store.open(old)).isInstanceOf(ArtefactShreddedException.class);
            try (InputStream in = f.store.open(held)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("buyer Wang Wu");
            }
            VerificationReport report = f.verify();
            assertThat(report.intact()).as(report.findings().toString()).isTrue();
            assertThat(report.artefactsShredded()).isEqualTo(1);
            ComplianceAccessLog access = new ComplianceAccessLog(f.log, f.jdbc);
            assertThat(access.list(null, null, 10)).hasSize(1);
            assertThat(access.list("cred-1", Instant.EPOCH, 10)).hasSize(1);
            assertThat(access.list("cred-2", null, 10)).isEmpty();
        }
    }

    private static String put(AuditFixture f, String merchant, String guid, String text) {
        ContentStore.StoredContent c = f.store.put(merchant, text.getBytes(StandardCharsets.UTF_8));
        f.log.record(new LogEntry(guid, merchant, "sub-" + guid, LogStage.MAPPED, "CEB311", "o-" + guid, guid,
                "customs-xml", c.sha256(), c.size(), null));
        return c.sha256();
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set: run the tests with `bash .ci/test.sh`, "
                    + "which starts PostgreSQL on loopback and sets it");
        }
        return value;
    }
}
