package dev.customsgateway.audit;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an evidence bundle costs when a message's entries lie far apart in the log: an order's upload and signature,
 * then N entries of other merchants, then its receipt. With {@code checkpointEvery} 0 no checkpoint falls between
 * them (the worst case: one run of N links); otherwise one is signed every that many entries, as the scheduler
 * would. Reports the bundle's links and size, the time to write and to verify it, and the peak heap. Over the
 * message log wired by hand on an H2 file (not in the heap). Not part of the test run:
 *
 * <pre>
 * ./mvnw -B -Pbench test-compile exec:exec -Dbench.class=dev.customsgateway.audit.EvidenceBundleBench \
 *     -Dbench.args="1000000 0" -Dbench.jvm=-Xmx128m
 * </pre>
 */
final class EvidenceBundleBench {

    private EvidenceBundleBench() {
    }

    public static void main(String[] args) throws Exception {
        int others = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int checkpointEvery = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Path dir = Files.createTempDirectory("evidence-bench-");
        AtomicLong peak = new AtomicLong();
        Thread watch = heapWatch(peak);
        try (AuditFixture audit = new AuditFixture(dir, null, null, 4, "jdbc:h2:file:" + dir.resolve("db")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", false)) {
            String guid = UUID.randomUUID().toString().toUpperCase();
            audit.record("sub-m", 1);
            message(audit, guid, LogStage.SIGNED);
            LogChain chain = new LogChain(audit.chain, audit.tx);
            List<LogChain.Timed> page = new ArrayList<>();
            for (int i = 1; i <= others; i++) {
                page.add(new LogChain.Timed(LogEntry.forSubmission("other", "sub-o", LogStage.PARSED)
                        .withDetail("row " + i), Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
                if (page.size() == 1_000 || i == others) {
                    chain.appendAll(page);
                    page.clear();
                }
                if (checkpointEvery > 0 && i % checkpointEvery == 0) {
                    audit.signer.checkpoint();
                }
            }
            message(audit, guid, LogStage.RECEIPT);
            EvidenceBundle bundles = new EvidenceBundle(audit.chain, audit.checkpoints, audit.signer, audit.key,
                    audit.store, audit.clock);
            Path zip = dir.resolve("evidence.zip");
            System.gc();
            peak.set(0);
            long start = System.nanoTime();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(zip))) {
                bundles.write(guid, out);
            }
            long written = System.nanoTime();
            List<String> problems = EvidenceVerifier.verify(zip, null);
            long verified = System.nanoTime();
            long links;
            try (java.util.zip.ZipFile file = new java.util.zip.ZipFile(zip.toFile());
                    var lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                            file.getInputStream(file.getEntry("chain.csv")), StandardCharsets.US_ASCII)).lines()) {
                links = lines.count() - 1;
            }
            System.out.printf("EvidenceBundleBench: %,d entries between the message's, checkpoint every %s%n", others,
                    checkpointEvery == 0 ? "(none)" : String.format("%,d", checkpointEvery));
            System.out.printf("  links in chain.csv  %,d%n", links);
            System.out.printf("  bundle              %,.1f MB%n", Files.size(zip) / 1e6);
            System.out.printf("  write               %,.2f s%n", (written - start) / 1e9);
            System.out.printf("  verify              %,.2f s (%s)%n", (verified - written) / 1e9,
                    problems.isEmpty() ? "OK" : problems.size() + " problems: " + problems.get(0));
            System.out.printf("  peak heap           %,.1f MB (max heap %,d MB)%n", peak.get() / 1e6,
                    Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            watch.interrupt();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void message(AuditFixture audit, String guid, LogStage stage) {
        ContentStore.StoredContent stored = audit.store.put((stage + " " + guid).getBytes(StandardCharsets.UTF_8));
        audit.log.record(new LogEntry(guid, "demo", "sub-m", stage, "CEB311", "ORDER-1", guid, "signed-xml",
                stored.sha256(), stored.size(), stage.name()));
    }

    private static Thread heapWatch(AtomicLong peak) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Thread watch = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-watch");
        watch.setDaemon(true);
        watch.start();
        return watch;
    }
}
