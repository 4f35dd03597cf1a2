package dev.customsgateway.intake.format;

import dev.customsgateway.core.FileFault;
import dev.customsgateway.core.SourceRecord;
import dev.customsgateway.core.SourceSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one merchant XML record (the subtree of its start tag) into a {@link SourceRecord}: the text of each leaf
 * element by its path relative to the record ({@code buyer/name}), attributes as {@code @id} or
 * {@code buyer/@type}, and each element at the lines path ({@code items/item}) as a child record named relative to
 * that element. Names are local names (namespace prefixes dropped). When an element repeats outside the lines path
 * the first occurrence wins, as a customs field has one value. Text is kept as read, whitespace included, except
 * around child elements.
 */
final class XmlRecordCollector {

    private final SafeXmlEvents events;
    private final CountingReader chars;
    private final SourceSettings.Limits limits;
    private final String linesPath;
    private String location;
    private long recordStart;

    XmlRecordCollector(SafeXmlEvents events, CountingReader chars, SourceSettings.Limits limits, String linesPath) {
        this.events = events;
        this.chars = chars;
        this.limits = limits;
        this.linesPath = linesPath == null || linesPath.isBlank() ? null : linesPath.trim();
    }

    /** Reads the record whose start tag is the current event, through its end tag. */
    SourceRecord read(int row, String location, int depth) {
        this.location = location;
        this.recordStart = chars.count();
        Map<String, String> values = new LinkedHashMap<>();
        List<SourceRecord> children = new ArrayList<>();
        readElement("", depth, values, children);
        return new SourceRecord(row, location, values, children, Map.of());
    }

    /**
     * Reads the current element's attributes and content until its end tag. {@code children} is null inside a line
     * item: lines do not nest.
     */
    private void readElement(String path, int depth, Map<String, String> values, List<SourceRecord> children) {
        XMLStreamReader xml = events.xml();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String name = (path.isEmpty() ? "@" : path + "/@") + xml.getAttributeLocalName(i);
            values.putIfAbsent(name, checked(name, xml.getAttributeValue(i)));
        }
        StringBuilder text = new StringBuilder();
        boolean hasElements = false;
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                hasElements = true;
                text.setLength(0);
                String name = xml.getLocalName();
                String child = path.isEmpty() ? name : path + "/" + name;
                checkDepth(depth + 1);
                if (children != null && child.equals(linesPath)) {
                    readLine(depth + 1, children);
                } else {
                    readElement(child, depth + 1, values, children);
                }
            } else if (isText(event) && !hasElements) {
                text.append(events.text());
                checked(path, text);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (!hasElements && !path.isEmpty()) {
                    values.putIfAbsent(path, text.toString());
                }
                return;
            }
        }
    }

    private void readLine(int depth, List<SourceRecord> children) {
        int item = children.size() + 1;
        String where = location + ", " + linesPath + " " + item + " (line " + events.line() + ")";
        Map<String, String> values = new LinkedHashMap<>();
        readElement("", depth, values, null);
        children.add(new SourceRecord(item, where, values, List.of(), Map.of()));
    }

    private static boolean isText(int event) {
        return event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                || event == XMLStreamConstants.SPACE;
    }

    private int next() {
        int event = events.next();
        if (chars.count() - recordStart > limits.maxLineChars()) {
            throw new FileFault(422, "RECORD_TOO_LONG", location + " is longer than the limit of "
                    + limits.maxLineChars() + " characters");
        }
        return event;
    }

    private <T extends CharSequence> T checked(String field, T value) {
        if (value.length() > limits.maxFieldChars()) {
            throw new FileFault(422, "FIELD_TOO_LONG", location + ", field " + field
                    + ": a value longer than the limit of " + limits.maxFieldChars() + " characters");
        }
        return value;
    }

    private void checkDepth(int depth) {
        if (depth > limits.maxDepth()) {
            throw new FileFault(422, "XML_TOO_DEEP", location + ": elements nested deeper than the limit of "
                    + limits.maxDepth() + " levels at line " + events.line());
        }
    }
}
