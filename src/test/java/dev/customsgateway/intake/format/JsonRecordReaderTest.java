package dev.customsgateway.intake.format;

import static dev.customsgateway.intake.format.Formats.json;
import static dev.customsgateway.intake.format.Formats.limits;
import static dev.customsgateway.intake.format.Formats.ndjson;
import static dev.customsgateway.intake.format.Formats.readAll;
import static dev.customsgateway.intake.format.Formats.resource;
import static dev.customsgateway.intake.format.Formats.withLimits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customsgateway.core.FileFault;
import dev.customsgateway.core.SourceRecord;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class JsonRecordReaderTest {

    @Test
    void readsWooCommerceExportWithLineItems() {
        List<SourceRecord> orders = readAll(resource("woocommerce-orders.json"), json("line_items"));

        assertThat(orders).hasSize(2);
        SourceRecord first = orders.get(0);
        assertThat(first.row()).isEqualTo(1);
        assertThat(first.location()).isEqualTo("record 1 (line 2)");
        assertThat(first.values())
                .containsEntry("id", "727")
                .containsEntry("total", "258.00")
                .containsEntry("prices_include_tax", "false")
                .containsEntry("billing.first_name", "张")
                .containsEntry("shipping.address_1", "人民路 88 号")
                .as("nulls are left out").doesNotContainKey("customer_note");
        assertThat(first.values().keySet()).as("arrays other than the lines are ignored")
                .noneMatch(k -> k.startsWith("meta_data") || k.startsWith("line_items") || k.startsWith("shipping_lines"));
        assertThat(first.children()).extracting(c -> c.value("sku") + " x" + c.value("quantity") + " @" + c.value("price"))
                .as("numbers keep their literal text").containsExactly("SCARF-01 x2 @99.50", "BOX-01 x1 @59");
        assertThat(first.children().get(1).location()).isEqualTo("record 1 (line 2), line_items item 2 (line 37)");
        assertThat(first.children().get(0).values()).doesNotContainKey("meta_data.key");
        assertThat(orders.get(1).row()).isEqualTo(2);
        assertThat(orders.get(1).children()).singleElement()
                .satisfies(c -> assertThat(c.value("price")).isEqualTo("12.5e0"));
    }

    @Test
    void readsNdjsonOneOrderPerLineSkippingBlankLines() {
        List<SourceRecord> orders = readAll(resource("orders.ndjson"), ndjson("items"));

        assertThat(orders).extracting(SourceRecord::row).containsExactly(1, 3, 4);
        assertThat(orders).extracting(o -> o.value("order_no")).containsExactly("N-1", "N-2", "N-3");
        assertThat(orders.get(1).value("buyer.name")).isEqualTo("Zhao Lei");
        assertThat(orders.get(1).location()).isEqualTo("record 2 (line 3)");
        assertThat(orders.get(1).children()).extracting(c -> c.value("qty")).containsExactly("2", "1");
        assertThat(orders.get(2).children()).isEmpty();
    }

    @Test
    void readsNestedLinesPathAndEmptyArray() {
        List<SourceRecord> orders = readAll("[{\"o\":{\"lines\":[{\"a\":{\"b\":1}}]}}, {}]", json("o.lines"));
        assertThat(orders.get(0).children()).singleElement()
                .satisfies(c -> assertThat(c.values()).containsOnlyKeys("a.b"));
        assertThat(orders.get(1).values()).isEmpty();
        assertThat(readAll("[]", json("items"))).isEmpty();
    }

    @Test
    void rejectsDeeplyNestedJson() {
        String bomb = "[{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}]";
        assertFault(() -> readAll(bomb, json("items")), "JSON_TOO_DEEP", "record 1 (line 1)");
        String objects = "{\"a\":".repeat(70) + "1" + "}".repeat(70);
        assertFault(() -> readAll(objects + "\n", ndjson(null)), "JSON_TOO_DEEP", "64 levels");
    }

    @Test
    void rejectsMalformedJson() {
        assertFault(() -> readAll("[\n{\"a\":1},\n{\"a\":2,,}\n]", json(null)), "JSON_MALFORMED", "line 3");
        assertFault(() -> readAll("[{\"a\":1}", json(null)), "JSON_MALFORMED", "line 1");
        assertFault(() -> readAll("{\"a\":1}\n{\"a\":", ndjson(null)), "JSON_MALFORMED", "line 2");
    }

    @Test
    void rejectsDuplicateKeysRatherThanGuessWhichCounts() {
        assertFault(() -> readAll("[{\"total\":\"1\",\"total\":\"100\"}]", json(null)), "JSON_MALFORMED", "total");
    }

    @Test
    void rejectsTopLevelObjectAndNonObjectRecords() {
        assertFault(() -> readAll("{\"orders\":[]}", json(null)), "JSON_NOT_ARRAY", "NDJSON");
        assertFault(() -> readAll("[{}, 3]", json(null)), "JSON_RECORD_NOT_OBJECT", "record 2");
        assertFault(() -> readAll("[{\"items\":[1]}]", json("items")), "JSON_LINE_NOT_OBJECT", "items item 1");
        assertFault(() -> readAll("[{}] []", json(null)), "JSON_TRAILING_CONTENT", "line 1");
    }

    @Test
    void rejectsTwoRecordsOnOneNdjsonLine() {
        assertFault(() -> readAll("{\"a\":1}\n{\"a\":2} {\"a\":3}\n", ndjson(null)), "NDJSON_NOT_ONE_PER_LINE",
                "line 2");
    }

    @Test
    void rejectsEmptyFile() {
        assertFault(() -> readAll("  \n", json(null)), "FILE_EMPTY", "empty");
        assertFault(() -> readAll("", ndjson(null)), "FILE_EMPTY", "empty");
    }

    @Test
    void rejectsTooManyRecords() {
        var settings = withLimits(json(null), limits(2, 1000, 100, 10, 0));
        assertThat(readAll("[{},{}]", settings)).hasSize(2);
        assertFault(() -> readAll("[{},{},{}]", settings), "TOO_MANY_RECORDS", "more than 2");
    }

    @Test
    void rejectsOverlongFieldNamingTheField() {
        var settings = withLimits(json(null), limits(10, 100_000, 10, 10, 0));
        assertThat(readAll("[{\"a\":{\"b\":\"0123456789\"}}]", settings)).hasSize(1);
        assertFault(() -> readAll("[{\"a\":{\"b\":\"0123456789x\"}}]", settings), "FIELD_TOO_LONG", "a.b");
        String huge = "[{\"a\":\"" + "x".repeat(5_000_000) + "\"}]";
        assertFault(() -> readAll(huge, settings), "FIELD_TOO_LONG", "line 1");
    }

    @Test
    void boundsEachRecordOfAMinifiedArrayByTheLineLimit() {
        var settings = withLimits(json(null), limits(100, 200, 100, 10, 0));
        String small = "{\"a\":\"" + "x".repeat(50) + "\"}";
        String big = "{" + "\"k%d\":\"v\",".repeat(40).formatted(java.util.stream.IntStream.range(0, 40).boxed()
                .toArray()) + "\"z\":1}";
        assertThat(readAll("[" + (small + ",").repeat(20) + small + "]", settings)).hasSize(21);
        assertFault(() -> readAll("[" + small + "," + big + "]", settings), "RECORD_TOO_LONG", "record 2");
    }

    @Test
    void rejectsOverlongNdjsonLine() {
        var settings = withLimits(ndjson(null), limits(10, 50, 100, 10, 0));
        assertFault(() -> readAll("{\"a\":\"" + "x".repeat(60) + "\"}\n", settings), "LINE_TOO_LONG", "line 1");
    }

    @Test
    void rejectsBinaryGarbage() {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        assertThatThrownBy(() -> readAll(garbage, json(null))).isInstanceOf(FileFault.class);
        assertThatThrownBy(() -> readAll(garbage, ndjson(null))).isInstanceOf(FileFault.class);
        byte[] utf16 = "[{\"a\":1}]".getBytes(java.nio.charset.StandardCharsets.UTF_16);
        assertThatThrownBy(() -> readAll(utf16, json(null))).isInstanceOf(FileFault.class);
    }

    static void assertFault(ThrowingCallable call, String code, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FileFault.class, f -> {
            assertThat(f.code()).as(f.getMessage()).isEqualTo(code);
            assertThat(f.getMessage()).contains(messagePart);
        });
    }
}
