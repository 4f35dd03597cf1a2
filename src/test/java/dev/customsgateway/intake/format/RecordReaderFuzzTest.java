package dev.customsgateway.intake.format;

import static dev.customsgateway.intake.format.Formats.limits;
import static dev.customsgateway.intake.format.Formats.withLimits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.customsgateway.core.FileFault;
import dev.customsgateway.core.SourceSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipOutputStream;

/**
 * Fuzz tests, one per reader: whatever the bytes, reading ends in records or a clean {@link FileFault}, never another
 * exception and never a hang (each input gets a few seconds on its own thread). In the normal build Jazzer replays
 * the inputs under {@code src/test/resources/dev/customsgateway/intake/format/RecordReaderFuzzTestInputs/<method>/}
 * (and an empty input); {@code JAZZER_FUZZ=1} fuzzes, adding any finding there as a new regression input.
 *
 * <p>Limits are small so the fuzzer reaches every limit's fault quickly.
 */
class RecordReaderFuzzTest {

    private static final SourceSettings.Limits SMALL = limits(50, 2_000, 64, 8, 2L << 20);
    private static final Duration PER_INPUT = Duration.ofSeconds(5);

    @FuzzTest
    void fuzzCsv(byte[] data) {
        for (String encoding : new String[] {"UTF-8", "AUTO", "GB18030"}) {
            endsInRecordsOrFault(data, withLimits(new SourceSettings(SourceSettings.SourceFormat.CSV, encoding, ',',
                    null, null, null, List.of("order_no"), SourceSettings.Limits.DEFAULT), SMALL));
        }
    }

    @FuzzTest
    void fuzzJson(byte[] data) {
        endsInRecordsOrFault(data, withLimits(Formats.json("items"), SMALL));
        endsInRecordsOrFault(data, withLimits(Formats.ndjson("items"), SMALL));
    }

    @FuzzTest
    void fuzzXml(byte[] data) {
        endsInRecordsOrFault(data, withLimits(Formats.xml("/export/orders/order", "items/item"), SMALL));
        endsInRecordsOrFault(data, withLimits(Formats.xml(null, null), SMALL));
    }

    /**
     * The bytes are tried as a whole file (reaching the zip layer) and as the parts of a workbook: the text before
     * the first NUL byte is the sheet's XML, the rest the shared strings, so the fuzzer mostly works on the XML the
     * reader interprets.
     */
    @FuzzTest
    void fuzzXlsx(byte[] data) {
        SourceSettings settings = withLimits(Formats.xlsx(null, List.of()), SMALL);
        endsInRecordsOrFault(data, settings);
        endsInRecordsOrFault(workbookAround(data), settings);
    }

    private static void endsInRecordsOrFault(byte[] data, SourceSettings settings) {
        assertTimeoutPreemptively(PER_INPUT, () -> {
            try {
                Formats.readAll(data, settings);
            } catch (FileFault fault) {
                assertThat(fault.code()).isNotBlank();
                assertThat(fault.getMessage()).isNotBlank();
            }
        });
    }

    private static byte[] workbookAround(byte[] data) {
        int nul = 0;
        while (nul < data.length && data[nul] != 0) {
            nul++;
        }
        byte[] sheet = Arrays.copyOfRange(data, 0, nul);
        byte[] strings = nul < data.length ? Arrays.copyOfRange(data, nul + 1, data.length)
                : "<sst/>".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            XlsxRecordReaderTest.writeSkeleton(zip);
            XlsxFixture.put(zip, "xl/worksheets/sheet1.xml", sheet);
            XlsxFixture.put(zip, "xl/sharedStrings.xml", strings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
