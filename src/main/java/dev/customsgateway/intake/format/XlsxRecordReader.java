package dev.customsgateway.intake.format;

import dev.customsgateway.core.FileFault;
import dev.customsgateway.core.SourceRecord;
import dev.customsgateway.core.SourceSettings;
import java.io.InputStream;

/** Placeholder until the Xlsx reader lands: refuses every file with a clear error. */
final class XlsxRecordReader implements RecordReader {

    XlsxRecordReader(InputStream in, SourceSettings settings) {
        throw new FileFault(415, "FORMAT_NOT_SUPPORTED", "Xlsx files are not supported yet");
    }

    @Override
    public boolean hasNext() {
        return false;
    }

    @Override
    public SourceRecord next() {
        throw new java.util.NoSuchElementException();
    }

    @Override
    public void close() {
    }
}
