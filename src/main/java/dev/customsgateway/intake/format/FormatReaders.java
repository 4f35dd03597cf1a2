package dev.customsgateway.intake.format;

import dev.customsgateway.core.SourceSettings;
import java.io.IOException;
import java.io.InputStream;

/** Opens the reader for a file's format. */
public final class FormatReaders {

    private FormatReaders() {
    }

    public static RecordReader open(InputStream in, SourceSettings settings) throws IOException {
        return switch (settings.format()) {
            case CSV -> new CsvRecordReader(in, settings);
            case JSON, NDJSON -> new JsonRecordReader(in, settings);
            case XML -> new XmlRecordReader(in, settings);
            case XLSX -> new XlsxRecordReader(in, settings);
            case CUSTOMS_XML -> throw new IllegalArgumentException(
                    "a ready customs message is not read record by record; it takes the passthrough route");
        };
    }
}
