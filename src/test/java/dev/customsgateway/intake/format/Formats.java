package dev.customsgateway.intake.format;

import dev.customsgateway.core.SourceRecord;
import dev.customsgateway.core.SourceSettings;
import dev.customsgateway.core.SourceSettings.Limits;
import dev.customsgateway.core.SourceSettings.SourceFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: settings for each format and reading a whole (small) file into a list. */
final class Formats {

    private Formats() {
    }

    static SourceSettings json(String linesPath) {
        return settings(SourceFormat.JSON, null, linesPath, List.of(), Limits.DEFAULT);
    }

    static SourceSettings ndjson(String linesPath) {
        return settings(SourceFormat.NDJSON, null, linesPath, List.of(), Limits.DEFAULT);
    }

    static SourceSettings xml(String recordPath, String linesPath) {
        return new SourceSettings(SourceFormat.XML, null, ',', null, recordPath, linesPath, List.of(), Limits.DEFAULT);
    }

    static SourceSettings xlsx(String sheet, List<String> required) {
        return new SourceSettings(SourceFormat.XLSX, null, ',', sheet, null, null, required, Limits.DEFAULT);
    }

    static SourceSettings settings(SourceFormat format, String recordPath, String linesPath, List<String> required,
            Limits limits) {
        return new SourceSettings(format, null, ',', null, recordPath, linesPath, required, limits);
    }

    static SourceSettings withLimits(SourceSettings s, Limits limits) {
        return new SourceSettings(s.format(), s.encoding(), s.delimiter(), s.sheet(), s.recordPath(), s.linesPath(),
                s.requiredFields(), limits);
    }

    static Limits limits(long maxRecords, int maxLineChars, int maxFieldChars, int maxDepth, long maxUnzipped) {
        return new Limits(maxRecords, maxLineChars, maxFieldChars, maxDepth, maxUnzipped);
    }

    static List<SourceRecord> readAll(String text, SourceSettings settings) {
        return readAll(text.getBytes(StandardCharsets.UTF_8), settings);
    }

    static List<SourceRecord> readAll(byte[] bytes, SourceSettings settings) {
        return readAll(new ByteArrayInputStream(bytes), settings);
    }

    static List<SourceRecord> readAll(InputStream in, SourceSettings settings) {
        List<SourceRecord> records = new ArrayList<>();
        try (RecordReader reader = FormatReaders.open(in, settings)) {
            reader.forEachRemaining(records::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    static byte[] resource(String name) {
        try (InputStream in = Formats.class.getResourceAsStream("/fixtures/formats/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
