package dev.customsgateway.bench;

import dev.customsgateway.CustomsGatewayApplication;
import dev.customsgateway.TestMerchants;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * End-to-end benchmark of the real pipeline: a generated merchant CSV of N orders is posted over HTTP to a
 * gateway started in this JVM, and the clock stops when every order's signed message is committed to the
 * outbox and the message log. Reports documents per second, peak heap and RSS, the time per document of each
 * stage ({@link StageClock}), and, in the same run, the raw JCA signature rate of the same key
 * on the same number of threads: the floor a signing gateway cannot go below.
 *
 * <pre>
 * ./mvnw -B -Pbench test-compile exec:exec -Dbench.class=dev.customsgateway.bench.PipelineBench \
 *     -Dbench.args="10000 CN_RSA_SHA1 1" -Dbench.jvm=-Xmx512m
 * </pre>
 * Arguments: number of orders, signature profile (CN_RSA_SHA1, CN_SM2_SM3, ECDSA_P256_SHA256), worker threads.
 * {@code -Dbench.dir=<folder>} (in {@code bench.jvm}) chooses where the gateway's data folder goes, and
 * {@code -Dbench.batch-size=<n>} how many orders commit together (the gateway's default, 32, otherwise); the
 * folder is deleted at the end unless {@code -Dbench.keep=true}. Before the measured file, a file of
 * {@code -Dbench.warmup=<n>} orders (10,000 unless given; 0 for none) warms the JIT up, unmeasured.
 * Delivery is paused during the run (it is not part of what is measured).
 */
public final class PipelineBench {

    private static final Map<String, String> ALIAS = Map.of("CN_RSA_SHA1", "demo-rsa", "CN_SM2_SM3", "demo-sm2",
            "ECDSA_P256_SHA256", "demo-ec", "RSA_SHA256", "demo-rsa");

    private PipelineBench() {
    }

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String profile = args.length > 1 ? args[1] : "CN_RSA_SHA1";
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        // -Dbench.dir=/dev/shm puts the data folder on tmpfs, where fsync costs nothing: the difference to a run
        // on disk is what durable storage costs per document
        Path data = Files.createTempDirectory(Path.of(System.getProperty("bench.dir",
                System.getProperty("java.io.tmpdir"))), "gateway-bench-");
        MemoryWatch memory = MemoryWatch.start(data.resolve("db/gateway.mv.db"));
        SpringApplication app = new SpringApplication(CustomsGatewayApplication.class);
        StageClock stages = new StageClock();
        app.addInitializers(context -> context.getBeanFactory().registerSingleton("benchStageClock", stages));
        try (ConfigurableApplicationContext gateway = app.run(BenchArguments.gateway("--gateway.data-dir=" + data, "--server.port=0",
                "--gateway.intake.sftp.enabled=false",
                "--gateway.pipeline.workers=" + workers, "--gateway.delivery.poll-interval-ms=3600000",
                "--gateway.pipeline.batch-size=" + System.getProperty("bench.batch-size", "32"),
                "--gateway.audit.checkpoint-interval=1h", "--logging.level.root=WARN",
                "--logging.level.dev.customsgateway=WARN", "--spring.main.banner-mode=off"))) {
            JdbcClient jdbc = gateway.getBean(JdbcClient.class);
            String port = gateway.getEnvironment().getProperty("local.server.port");
            String key = TestMerchants.create(jdbc, "bench", "default-csv", "PLATFORM", "IMPORT", ALIAS.get(profile),
                    profile, "202205");
            // steady state, as a gateway that has been running: the JIT compiles the hot paths (H2, Santuario,
            // BouncyCastle, the mapping) during the first thousands of orders, which would otherwise weigh on a
            // short run; -Dbench.warmup=0 measures from a cold start
            int warmup = Integer.getInteger("bench.warmup", 10_000);
            if (warmup > 0) {
                Path warm = BenchOrders.write(data.resolve("warmup-orders.csv"), warmup, "WARM-");
                awaitDone(jdbc, post(port, key, warm), warmup);
                Files.delete(warm);
            }
            Path csv = BenchOrders.write(data.resolve("bench-orders.csv"), orders, "BENCH-");
            memory.reset();

            stages.reset();
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            String submission = post(port, key, csv);
            awaitDone(jdbc, submission, orders);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMsPerDoc = (processCpuNanos() - cpuStart) / 1e6 / orders;

            long failed = jdbc.sql("select orders_failed from submission where id = ?").param(submission)
                    .query(Long.class).single();
            double docsPerSecond = orders / seconds;
            double raw = RawSignatureRate.measure(data, ALIAS.get(profile), profile, workers);
            System.out.printf("%nPipelineBench: %,d orders, profile %s, %d worker(s), %s, after %,d warm-up orders%n",
                    orders, profile, workers, BenchArguments.database(), warmup);
            System.out.printf("  end to end       %8.1f docs/s  (%.1f s, %d failed)%n", docsPerSecond, seconds, failed);
            System.out.printf("  process CPU      %8.3f ms/doc (all threads; machine load %s)%n", cpuMsPerDoc,
                    Files.readString(Path.of("/proc/loadavg")).strip());
            System.out.printf("  raw JCA signing  %8.1f sig/s  (same key, %d thread(s))%n", raw, workers);
            System.out.printf("  ratio            %8.1f %%%n", 100 * docsPerSecond / raw);
            System.out.printf("  peak heap        %8.1f MB, peak RSS %.1f MB (max heap %.0f MB)%n", memory.peakHeapMb(),
                    memory.peakRssMb(), Runtime.getRuntime().maxMemory() / 1048576.0);
            if (BenchArguments.database().equals("H2")) {
                System.out.printf("  peak H2 file     %8.1f MB%n", memory.peakFileMb());
            }
            System.out.println("  database         " + BenchArguments.databaseSize(jdbc, data));
            stages.print(orders, seconds, workers);
        } finally {
            memory.stop();
            if (!Boolean.getBoolean("bench.keep")) { // -Dbench.keep=true leaves the data folder to look into
                deleteTree(data);
            }
        }
        System.exit(0);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** CPU time of the whole process: less disturbed than wall time when the machine is shared. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String post(String port, String key, Path csv) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/submissions"))
                .header("X-API-Key", key).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("upload refused: " + response.body());
        }
        return response.body().replaceAll(".*\"submissionId\":\"([^\"]+)\".*", "$1");
    }

    private static void awaitDone(JdbcClient jdbc, String submission, int orders) throws InterruptedException {
        while (true) {
            Map<String, Object> row = jdbc.sql("select status, orders_succeeded + orders_failed as done from submission"
                    + " where id = ?").param(submission).query().singleRow();
            if ("COMPLETED".equals(row.get("status")) && ((Number) row.get("done")).intValue() >= orders) {
                return;
            }
            if ("REFUSED".equals(row.get("status"))) {
                throw new IllegalStateException("submission refused");
            }
            Thread.sleep(50);
        }
    }

    /**
     * Samples heap use, the process's resident set and the size of the H2 file while the benchmark runs; with
     * {@code -Dbench.progress=true} it prints them once a minute, to see whether they stay flat in a long run.
     */
    static final class MemoryWatch {
        private final AtomicLong peakHeap = new AtomicLong();
        private final AtomicLong peakRss = new AtomicLong();
        private final AtomicLong peakFile = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        private MemoryWatch(Path file) {
            long started = System.nanoTime();
            thread = new Thread(() -> {
                long nextReport = started + 60_000_000_000L;
                while (running) {
                    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    peakHeap.accumulateAndGet(heap, Math::max);
                    peakRss.accumulateAndGet(rss(), Math::max);
                    long fileSize = file.toFile().length();
                    peakFile.accumulateAndGet(fileSize, Math::max);
                    if (Boolean.getBoolean("bench.progress") && System.nanoTime() > nextReport) {
                        nextReport += 60_000_000_000L;
                        System.out.printf("  [%4d s] heap %.0f MB, RSS %.0f MB, H2 file %.0f MB%n",
                                (System.nanoTime() - started) / 1_000_000_000L, heap / 1048576.0, rss() / 1048576.0,
                                fileSize / 1048576.0);
                    }
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "memory-watch");
            thread.setDaemon(true);
        }

        static MemoryWatch start(Path file) {
            MemoryWatch watch = new MemoryWatch(file);
            watch.thread.start();
            return watch;
        }

        void reset() {
            System.gc();
            peakHeap.set(0);
            peakRss.set(0);
            peakFile.set(0);
        }

        double peakFileMb() {
            return peakFile.get() / 1048576.0;
        }

        double peakHeapMb() {
            return peakHeap.get() / 1048576.0;
        }

        double peakRssMb() {
            return peakRss.get() / 1048576.0;
        }

        void stop() {
            running = false;
        }

        private static long rss() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return 0;
            }
            return 0;
        }
    }

    /** Writes N valid one-line orders in the default CSV format, streaming. */
    static final class BenchOrders {
        private static final String HEADER = "order_no,buyer_reg_no,buyer_name,buyer_id_number,buyer_phone,consignee,"
                + "consignee_phone,consignee_address,freight,item_no,item_name,item_model,unit,qty,price,country";

        static Path write(Path file, int orders, String prefix) throws IOException {
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write(HEADER);
                out.newLine();
                for (int i = 1; i <= orders; i++) {
                    out.write(prefix + i + ",buyer" + i + ",张三,110101199003071233,13800000001,张三,13800000001,"
                            + "北京市东城区东华门街道 1 号,10,SKU-" + (i % 100) + ",婴儿奶粉,900g/罐,122,2,188.00,309");
                    out.newLine();
                }
            }
            return file;
        }
    }
}
