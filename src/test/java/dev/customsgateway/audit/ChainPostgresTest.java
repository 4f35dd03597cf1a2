package dev.customsgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain on PostgreSQL 15, the production database: two "gateway instances" (two connection pools) append
 * concurrently from several threads each, and the chain verifies; an edit and a reordering are still found (so
 * what PostgreSQL stores, times included, hashes as it was written). Uses the throw-away PostgreSQL that the test
 * command ({@code .ci/test.sh}) starts and names in {@code GATEWAY_TEST_POSTGRES_URL}.
 */
class ChainPostgresTest {

    private static final int INSTANCES = 2;
    private static final int THREADS_PER_INSTANCE = 4;
    private static final int PER_THREAD = 200;

    @TempDir
    Path dir;

    @Test
    void twoInstancesAppendingConcurrentlyFormOneIntactChain() throws Exception {
        List<AuditFixture> instances = new ArrayList<>();
        try {
            instances.add(fixture(true));
            instances.add(fixture(false));
            long took = append(instances);

            AuditFixture any = instances.get(0);
            any.signer.checkpoint();
            VerificationReport report = any.verify();

            int total = INSTANCES * THREADS_PER_INSTANCE * PER_THREAD;
            assertThat(report.findings()).isEmpty();
            assertThat(report.entries()).isEqualTo(total);
            System.out.printf("PostgreSQL: %d appends from %d instances x %d threads in %d ms (%.0f appends/s)%n",
                    total, INSTANCES, THREADS_PER_INSTANCE, took, total * 1000.0 / took);

            any.jdbc.sql("update message_log set detail = 'forged' where seq = 10").update();
            any.jdbc.sql("update message_log set seq = -20 where seq = 20").update();
            any.jdbc.sql("update message_log set seq = 20 where seq = 21").update();
            any.jdbc.sql("update message_log set seq = 21 where seq = -20").update();
            VerificationReport tampered = any.verify();
            assertThat(tampered.has(FindingKind.ENTRY_EDITED, 10L)).as(tampered.findings().toString()).isTrue();
            assertThat(tampered.has(FindingKind.ENTRY_REORDERED, 20L)).isTrue();
        } finally {
            instances.forEach(AuditFixture::close);
        }
    }

    private AuditFixture fixture(boolean clean) throws Exception {
        return new AuditFixture(dir, null, null, THREADS_PER_INSTANCE + 1, required("GATEWAY_TEST_POSTGRES_URL"),
                required("GATEWAY_TEST_POSTGRES_USER"), required("GATEWAY_TEST_POSTGRES_PASSWORD"), clean);
    }

    private static long append(List<AuditFixture> instances) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(INSTANCES * THREADS_PER_INSTANCE);
        try {
            long start = System.nanoTime();
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < instances.size(); i++) {
                AuditFixture instance = instances.get(i);
                for (int t = 0; t < THREADS_PER_INSTANCE; t++) {
                    String submission = "instance-" + i + "-thread-" + t;
                    results.add(pool.submit(() -> {
                        for (int n = 1; n <= PER_THREAD; n++) {
                            instance.record(submission, n);
                        }
                    }));
                }
            }
            for (Future<?> result : results) {
                result.get(5, TimeUnit.MINUTES);
            }
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        } finally {
            pool.shutdownNow();
        }
    }

    static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set: run the tests with `bash .ci/test.sh`, "
                    + "which starts PostgreSQL on loopback and sets it");
        }
        return value;
    }
}
