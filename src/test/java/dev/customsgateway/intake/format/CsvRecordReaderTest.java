package dev.customsgateway.intake.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.customsgateway.core.FileFault;
import dev.customsgateway.core.SourceRecord;
import dev.customsgateway.core.SourceSettings;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

    @Test
    void readsQuotedFieldsWithDelimitersQuotesAndLineBreaks() throws Exception {
        List<SourceRecord> records = read("\uFEFFa,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"multi\nline\",z\n", "UTF-8", ',');
        assertThat(records).hasSize(2);
        assertThat(records.get(0).value("a")).isEqualTo("x, y");
        assertThat(records.get(0).value("b")).isEqualTo("say \"hi\"");
        assertThat(records.get(1).value("a")).isEqualTo("multi\nline");
        assertThat(records.get(1).row()).as("the line the record starts on").isEqualTo(3);
    }

    @Test
    void readsSemicolonSeparatedFiles() throws Exception {
        assertThat(read("a;b\n1;2\n", "UTF-8", ';').get(0).value("b")).isEqualTo("2");
    }

    @Test
    void readsGbkWhenDeclaredAndDetectsItOnAuto() throws Exception {
        byte[] gbk = "订单号,姓名\nA1,张三\n".getBytes(Charset.forName("GBK"));
        assertThat(read(gbk, "GBK", ',').get(0).value("姓名")).isEqualTo("张三");
        assertThat(read(gbk, "AUTO", ',').get(0).value("姓名")).isEqualTo("张三");
        assertThat(read("订单号\nA1\n".getBytes(StandardCharsets.UTF_8), "AUTO", ',').get(0).value("订单号"))
                .isEqualTo("A1");
    }

    @Test
    void rejectsWrongEncodingNamingTheLine() {
        byte[] gbk = "a,b\n1,2\n3,张三\n".getBytes(Charset.forName("GBK"));
        FileFault fault = fault(gbk, "UTF-8", List.of());
        assertThat(fault.code()).isEqualTo("FILE_ENCODING");
        assertThat(fault.getMessage()).contains("line 3");
    }

    @Test
    void rejectsUnbalancedQuotes() {
        FileFault fault = fault("a,b\n1,\"open\n2,3\n".getBytes(StandardCharsets.UTF_8), "UTF-8", List.of());
        assertThat(fault.code()).isEqualTo("CSV_MALFORMED");
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThat(fault(new byte[0], "UTF-8", List.of()).code()).isEqualTo("FILE_EMPTY");
    }

    @Test
    void rejectsDuplicateAndMissingHeaders() {
        assertThat(fault("a,a\n1,2\n".getBytes(StandardCharsets.UTF_8), "UTF-8", List.of()).code())
                .isEqualTo("HEADER_DUPLICATE_COLUMN");
        FileFault missing = fault("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "UTF-8", List.of("a", "c", "d"));
        assertThat(missing.code()).isEqualTo("HEADER_MISSING_COLUMNS");
        assertThat(missing.getMessage()).contains("c, d");
    }

    @Test
    void rejectsAnOverLongLine() {
        String csv = "a\n" + "x".repeat(2000) + "\n";
        FileFault fault = catchThrowableOfType(FileFault.class, () -> readAll(csv.getBytes(StandardCharsets.UTF_8),
                settings("UTF-8", ',', List.of(), new SourceSettings.Limits(10, 1000, 10_000, 8, 1000))));
        assertThat(fault.code()).isEqualTo("LINE_TOO_LONG");
        assertThat(fault.getMessage()).contains("line 2");
    }

    @Test
    void rejectsTooManyRows() {
        FileFault fault = catchThrowableOfType(FileFault.class, () -> readAll(
                "a\n1\n2\n3\n".getBytes(StandardCharsets.UTF_8),
                settings("UTF-8", ',', List.of(), new SourceSettings.Limits(2, 1000, 100, 8, 1000))));
        assertThat(fault.code()).isEqualTo("TOO_MANY_RECORDS");
    }

    @Test
    void rejectsBinaryGarbage() {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0};
        assertThat(fault(zip, "UTF-8", List.of()).code()).isEqualTo("FILE_NOT_TEXT");
    }

    @Test
    void rejectsRowsWithMoreFieldsThanTheHeader() {
        assertThat(fault("a,b\n1,2,3\n".getBytes(StandardCharsets.UTF_8), "UTF-8", List.of()).code())
                .isEqualTo("CSV_TOO_MANY_FIELDS");
    }

    private static List<SourceRecord> read(String csv, String encoding, char delimiter) throws Exception {
        return read(csv.getBytes(StandardCharsets.UTF_8), encoding, delimiter);
    }

    private static List<SourceRecord> read(byte[] csv, String encoding, char delimiter) throws Exception {
        return readAll(csv, settings(encoding, delimiter, List.of(), SourceSettings.Limits.DEFAULT));
    }

    private static FileFault fault(byte[] csv, String encoding, List<String> required) {
        return catchThrowableOfType(FileFault.class,
                () -> readAll(csv, settings(encoding, ',', required, SourceSettings.Limits.DEFAULT)));
    }

    static SourceSettings settings(String encoding, char delimiter, List<String> required,
            SourceSettings.Limits limits) {
        return new SourceSettings(SourceSettings.SourceFormat.CSV, encoding, delimiter, null, null, null, required,
                limits);
    }

    private static List<SourceRecord> readAll(byte[] csv, SourceSettings settings) throws Exception {
        List<SourceRecord> records = new ArrayList<>();
        try (RecordReader reader = FormatReaders.open(new ByteArrayInputStream(csv), settings)) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }
}
