package dev.customsgateway.intake.format;

import dev.customsgateway.core.FileFault;
import dev.customsgateway.core.SourceRecord;
import dev.customsgateway.core.SourceSettings;
import java.io.InputStream;

/** Placeholder until the Xml reader lands: refuses every file with a clear error. */
final class XmlRecordReader implements RecordReader {

    XmlRecordReader(InputStream in, SourceSettings settings) {
        throw new FileFault(415, "FORMAT_NOT_SUPPORTED", "Xml files are not supported yet");
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
