package dev.customsgateway.intake.format;

import dev.customsgateway.core.SourceSettings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A bench, not a test: writes JSON, NDJSON, XML and XLSX files of n orders into a temporary folder, reads each with
 * its reader and prints records per second and the peak heap while reading. Run it with a small heap to show that
 * heap stays flat as files grow, e.g. after {@code ./mvnw -o test-compile}:
 *
 * <pre>
 * ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx64m -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     dev.customsgateway.intake.format.FormatReadersBench 10000 100000 1000000
 * </pre>
 */
final class FormatReadersBench {

    private FormatReadersBench() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("format-bench-");
        System.out.printf("%-7s %10s %10s %12s %12s%n", "format", "records", "seconds", "records/s", "peak heap MB");
        for (String arg : args.length == 0 ? new String[] {"10000", "100000"} : args) {
            int n = Integer.parseInt(arg);
            bench("JSON", n, write(dir.resolve("o.json"), n, FormatReadersBench::jsonOrders), Formats.json("items"));
            bench("NDJSON", n, write(dir.resolve("o.ndjson"), n, FormatReadersBench::ndjsonOrders),
                    Formats.ndjson("items"));
            bench("XML", n, write(dir.resolve("o.xml"), n, FormatReadersBench::xmlOrders),
                    Formats.xml("/export/orders/order", "items/item"));
            Path xlsx = dir.resolve("o.xlsx");
            HugeStringsWorkbook.write(xlsx, n);
            bench("XLSX", n, xlsx, Formats.xlsx(null, List.of()));
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    private static void bench(String name, int n, Path file, SourceSettings settings) throws IOException {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        long count = 0;
        try (InputStream in = Files.newInputStream(file); RecordReader reader = FormatReaders.open(in, settings)) {
            while (reader.hasNext()) {
                reader.next();
                count++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        if (count != n) {
            throw new IllegalStateException(name + ": read " + count + " of " + n);
        }
        System.out.printf("%-7s %10d %10.2f %12.0f %12.1f%n", name, count, seconds, count / seconds, peak / 1048576.0);
    }

    private interface Body {
        void write(Writer w, int n) throws IOException;
    }

    private static Path write(Path file, int n, Body body) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            body.write(w, n);
        }
        return file;
    }

    private static String order(int i) {
        return "{\"id\":" + i + ",\"number\":\"SO-" + i + "\",\"currency\":\"CNY\",\"total\":\"25.00\","
                + "\"billing\":{\"first_name\":\"Wei\",\"last_name\":\"Zhang\",\"address_1\":\"No. " + i
                + " Renmin Road\",\"city\":\"Hangzhou\",\"country\":\"CN\",\"phone\":\"1380013" + (i % 10000) + "\"},"
                + "\"items\":[{\"sku\":\"A-" + i + "\",\"quantity\":2,\"price\":\"10.00\"},"
                + "{\"sku\":\"B\",\"quantity\":1,\"price\":\"5.00\"}]}";
    }

    private static void jsonOrders(Writer w, int n) throws IOException {
        w.write("[\n");
        for (int i = 0; i < n; i++) {
            w.write(i == 0 ? "" : ",\n");
            w.write(order(i));
        }
        w.write("\n]\n");
    }

    private static void ndjsonOrders(Writer w, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            w.write(order(i));
            w.write('\n');
        }
    }

    private static void xmlOrders(Writer w, int n) throws IOException {
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<export><orders>\n");
        for (int i = 0; i < n; i++) {
            w.write("<order id=\"SO-" + i + "\" currency=\"CNY\"><total>25.00</total><buyer type=\"person\"><name>Zhang"
                    + " Wei</name><address>No. " + i + " Renmin Road</address><phone>1380013" + (i % 10000)
                    + "</phone></buyer><items><item sku=\"A-" + i + "\"><qty>2</qty><price>10.00</price></item>"
                    + "<item sku=\"B\"><qty>1</qty><price>5.00</price></item></items></order>\n");
        }
        w.write("</orders></export>\n");
    }
}
