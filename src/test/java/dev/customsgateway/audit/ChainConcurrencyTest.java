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
 * Appends from several threads at once, as pipeline workers and HTTP requests do: every append must get its
 * own position, name the entry before it, and the chain must verify with no gap, duplicate or fork. Also the
 * rule that an append rolled back with its caller's transaction leaves no trace.
 */
class ChainConcurrencyTest {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 250;

    @TempDir
    Path dir;

    @Test
    void concurrentAppendsFormOneIntactChain() throws Exception {
        try (AuditFixture fixture = new AuditFixture(dir, null, null, THREADS + 2)) {
            long took = appendConcurrently(fixture);

            VerificationReport report = fixture.verify();

            assertThat(report.findings()).isEmpty();
            assertThat(report.entries()).isEqualTo(THREADS * PER_THREAD);
            assertThat(report.headSeq()).isEqualTo(THREADS * PER_THREAD);
            assertThat(fixture.jdbc.sql("select count(distinct prev_hash) from message_log").query(Long.class)
                    .single()).as("no two entries follow the same one").isEqualTo(THREADS * PER_THREAD);
            System.out.printf("H2: %d appends from %d threads in %d ms (%.0f appends/s, with artefact writes)%n",
                    THREADS * PER_THREAD, THREADS, took, THREADS * PER_THREAD * 1000.0 / took);
        }
    }

    @Test
    void appendRolledBackWithItsCallerLeavesNoGap() throws Exception {
        try (AuditFixture fixture = new AuditFixture(dir)) {
            fixture.recordEntries(2);
            try {
                fixture.tx.executeWithoutResult(status -> {
                    fixture.record("submission-2", 1);
                    throw new IllegalStateException("the caller fails after recording");
                });
            } catch (IllegalStateException expected) {
                // the caller's transaction, and with it the entry and the head move, is rolled back
            }
            fixture.record("submission-2", 2);

            VerificationReport report = fixture.verify();

            assertThat(report.findings()).isEmpty();
            assertThat(report.entries()).isEqualTo(3);
        }
    }

    /** Returns the wall-clock milliseconds the appends took. */
    static long appendConcurrently(AuditFixture fixture) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            long start = System.nanoTime();
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String submission = "submission-" + t;
                results.add(pool.submit(() -> {
                    for (int i = 1; i <= PER_THREAD; i++) {
                        fixture.record(submission, i);
                    }
                }));
            }
            for (Future<?> result : results) {
                result.get(2, TimeUnit.MINUTES); // rethrows an append that failed
            }
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        } finally {
            pool.shutdownNow();
        }
    }
}
