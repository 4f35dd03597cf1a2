package dev.customsgateway.mapping;

import dev.customsgateway.TestOrders;
import dev.customsgateway.core.SourceSettings;
import dev.customsgateway.core.SubmittedOrder;
import dev.customsgateway.intake.format.FormatReaders;
import dev.customsgateway.intake.format.RecordReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A bench, not a test: a merchant CSV of n lines (about 200 bytes each; two lines per order) parsed into
 * canonical orders with the bundled {@code default-csv} profile, as the pipeline does before the rules. Prints
 * lines per second and peak heap. Run it with a small heap to show that memory stays flat as files grow:
 *
 * <pre>
 * ./mvnw -B -q -o -Pbench test-compile exec:exec -Dbench.class=dev.customsgateway.mapping.CanonicalOrdersBench \
 *     -Dbench.args="10000 100000 1000000" -Dbench.jvm=-Xmx256m
 * </pre>
 */
public final class CanonicalOrdersBench {

    private static final String HEADER = "order_no,buyer_reg_no,buyer_name,buyer_id_number,buyer_phone,consignee,"
            + "consignee_phone,consignee_address,freight,item_no,item_name,item_model,unit,qty,price,country\n";

    private CanonicalOrdersBench() {
    }

    public static void main(String[] args) throws IOException {
        MappingProfile profile;
        try (InputStream in = CanonicalOrdersBench.class.getResourceAsStream("/profiles/default-csv.yaml")) {
            ProfileDocument doc = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, ProfileDocument.class);
            profile = new ProfileCompiler(new LookupTables()).compile("default-csv", "bench", doc,
                    SourceSettings.Limits.DEFAULT);
        }
        Path dir = Files.createTempDirectory("canonical-bench-");
        System.out.printf("%10s %10s %10s %12s %13s %12s%n", "lines", "MB", "seconds", "lines/s", "orders", "peak heap MB");
        for (String arg : args.length == 0 ? new String[] {"10000", "100000"} : args) {
            int lines = Integer.parseInt(arg);
            Path csv = write(dir.resolve("orders.csv"), lines);
            resetPeaks();
            long start = System.nanoTime();
            long orders = 0;
            long bad = 0;
            try (InputStream in = Files.newInputStream(csv); RecordReader records = FormatReaders.open(in,
                    profile.source())) {
                OrderStream stream = new OrderStream(records, profile, new LookupTables(), TestOrders.merchant(), "b");
                while (stream.hasNext()) {
                    SubmittedOrder order = stream.next();
                    orders++;
                    bad += order.readable() ? 0 : 1;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%10d %10.1f %10.2f %12.0f %13d %12.1f%s%n", lines, Files.size(csv) / 1048576.0,
                    seconds, lines / seconds, orders, peakHeapMb(), bad > 0 ? "  (" + bad + " unreadable)" : "");
            Files.delete(csv);
        }
    }

    private static Path write(Path file, int lines) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            for (int i = 0; i < lines; i++) {
                int order = i / 2;
                out.write("BENCH-" + order + ",buyer" + order + ",张三,110101199003071233,13800000001,张三,"
                        + "13800000001,\"北京市东城区东华门街道 1 号, 3 单元\",10,SKU-" + i + ",婴儿奶粉,"
                        + "\"900g/罐, 1段\",122,2,188.00,309\n");
            }
        }
        return file;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static double peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / 1048576.0;
    }
}
