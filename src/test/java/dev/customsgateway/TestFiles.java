package dev.customsgateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Sample merchant files for tests. An order is declared once per merchant, so tests that submit the same
 * sample again get it with fresh order numbers.
 */
public final class TestFiles {

    public static final Path SAMPLE = Path.of("src/test/resources/fixtures/orders/sample-orders.csv");

    private TestFiles() {
    }

    /** The sample orders with order numbers no other submission has used; {@link #prefix} tells which. */
    public static Fresh freshSample() {
        String prefix = "SO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-";
        try {
            String csv = Files.readString(SAMPLE, StandardCharsets.UTF_8).replace("SO-2026-", prefix);
            return new Fresh(prefix, csv.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sample with its order-number prefix (orders are {@code prefix + 0001}, ...). */
    public record Fresh(String prefix, byte[] bytes) {
    }
}
