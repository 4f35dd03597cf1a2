package dev.customsgateway.intake.format;

import dev.customsgateway.core.FileFault;
import dev.customsgateway.core.SourceRecord;
import dev.customsgateway.core.SourceSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import javax.xml.stream.XMLStreamConstants;

/**
 * Reads merchant XML with StAX, streaming: every element at the profile's record path (an absolute path of local
 * names such as {@code /export/orders/order}, no predicates; without one, each child of the document element) is one
 * order record, read by {@link XmlRecordCollector}. Everything outside records is passed over, holding only the names
 * of the open elements. A DOCTYPE, an entity reference, malformed XML, nesting deeper than the limit and too many
 * records are {@link FileFault}s naming the line.
 *
 * <p>The bytes are decoded by {@link TextDecoding} (UTF-8 unless the profile says otherwise), which also refuses NUL
 * characters. Merchant XML is often one minified line, so the line limit bounds each record's characters instead.
 */
final class XmlRecordReader implements RecordReader {

    private final CountingReader chars;
    private final SafeXmlEvents events;
    private final List<String> recordPath;
    private final XmlRecordCollector collector;
    private final SourceSettings.Limits limits;
    private final List<String> open = new ArrayList<>();
    private boolean pending;
    private boolean finished;
    private boolean sawRoot;
    private long count;

    XmlRecordReader(InputStream in, SourceSettings settings) throws IOException {
        this.limits = settings.limits();
        this.recordPath = parsePath(settings.recordPath());
        String encoding = settings.encoding() == null ? "UTF-8" : settings.encoding();
        Reader decoded = TextDecoding.reader(in, encoding, Integer.MAX_VALUE);
        this.chars = new CountingReader(decoded);
        this.events = SafeXmlEvents.of(chars);
        this.collector = new XmlRecordCollector(events, chars, limits, settings.linesPath());
    }

    /** {@code /export/orders/order} to its element names; null when the profile names none. */
    static List<String> parsePath(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        String p = path.trim();
        if (!p.startsWith("/") || p.endsWith("/") || p.contains("//") || p.matches(".*[\\[\\]@*()=].*")) {
            throw new IllegalArgumentException("an XML record path is absolute, of element names only (e.g. "
                    + "/export/orders/order): " + path);
        }
        return List.copyOf(Arrays.asList(p.substring(1).split("/")));
    }

    @Override
    public boolean hasNext() {
        if (!finished && !pending) {
            pending = advanceToRecord();
            finished = !pending;
        }
        return pending;
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        pending = false;
        if (++count > limits.maxRecords()) {
            throw new FileFault(413, "TOO_MANY_RECORDS", "the file has more than " + limits.maxRecords() + " records");
        }
        int line = events.line();
        // the collector reads up to and including the record's end tag, so the element leaves the open path
        SourceRecord record = collector.read(line, "record " + count + " (line " + line + ")", open.size());
        open.remove(open.size() - 1);
        return record;
    }

    /** Walks to the start tag of the next record; false at the end of the document. */
    private boolean advanceToRecord() {
        while (true) {
            int event = events.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                sawRoot = true;
                open.add(events.xml().getLocalName());
                if (open.size() > limits.maxDepth()) {
                    throw new FileFault(422, "XML_TOO_DEEP", "line " + events.line()
                            + ": elements nested deeper than the limit of " + limits.maxDepth() + " levels");
                }
                if (isRecord()) {
                    return true;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                open.remove(open.size() - 1);
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                if (!sawRoot) {
                    throw new FileFault(422, "FILE_EMPTY", "the file is empty: it has no XML element");
                }
                return false;
            }
        }
    }

    private boolean isRecord() {
        return recordPath == null ? open.size() == 2 : open.equals(recordPath);
    }

    @Override
    public void close() throws IOException {
        events.close();
        chars.close();
    }
}
