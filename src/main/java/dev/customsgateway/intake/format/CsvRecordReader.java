package dev.customsgateway.intake.format;

import dev.customsgateway.core.FileFault;
import dev.customsgateway.core.SourceRecord;
import dev.customsgateway.core.SourceSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV (RFC 4180: quoted fields with delimiters, quotes and line breaks inside) with a header row, in the
 * profile's delimiter and encoding. Each row becomes a flat {@link SourceRecord} numbered by the line it starts
 * on. Structural faults (unbalanced quotes, a row with more fields than the header, limits) are
 * {@link FileFault}s naming the line.
 */
final class CsvRecordReader implements RecordReader {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final SourceSettings.Limits limits;
    private long lastLine;
    private long count;

    CsvRecordReader(InputStream in, SourceSettings settings) throws IOException {
        this.limits = settings.limits();
        this.parser = CSVFormat.RFC4180.builder()
                .setDelimiter(settings.delimiter())
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get()
                .parse(TextDecoding.reader(in, settings.encoding(), limits.maxLineChars()));
        this.records = parser.iterator();
        this.header = readHeader(settings.requiredFields());
    }

    private List<String> readHeader(List<String> required) {
        if (!hasNextRecord()) {
            throw new FileFault(422, "FILE_EMPTY", "the file is empty: it has no header line");
        }
        CSVRecord first = records.next();
        lastLine = parser.getCurrentLineNumber();
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : first) {
            String name = raw.startsWith("\uFEFF") ? raw.substring(1).trim() : raw.trim();
            if (!name.isEmpty() && !seen.add(name)) {
                throw new FileFault(422, "HEADER_DUPLICATE_COLUMN", "the header names column '" + name + "' twice");
            }
            names.add(name);
        }
        List<String> missing = required.stream().filter(c -> !seen.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new FileFault(422, "HEADER_MISSING_COLUMNS",
                    "the header lacks required column(s): " + String.join(", ", missing));
        }
        return names;
    }

    @Override
    public boolean hasNext() {
        return hasNextRecord();
    }

    @Override
    public SourceRecord next() {
        if (!hasNextRecord()) {
            throw new NoSuchElementException();
        }
        CSVRecord record = records.next();
        int line = Math.toIntExact(lastLine + 1);
        lastLine = parser.getCurrentLineNumber();
        if (++count > limits.maxRecords()) {
            throw new FileFault(413, "TOO_MANY_RECORDS", "the file has more than " + limits.maxRecords() + " rows");
        }
        if (record.size() > header.size()) {
            throw new FileFault(422, "CSV_TOO_MANY_FIELDS", "line " + line + " has " + record.size()
                    + " fields but the header has " + header.size() + " (an unquoted delimiter?)");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String value = record.get(i);
            if (value.length() > limits.maxFieldChars()) {
                throw new FileFault(422, "FIELD_TOO_LONG", "line " + line + ", column " + header.get(i)
                        + ": a value longer than the limit of " + limits.maxFieldChars() + " characters");
            }
            if (!header.get(i).isEmpty()) {
                values.put(header.get(i), value);
            }
        }
        return SourceRecord.flat(line, "line " + line, values);
    }

    private boolean hasNextRecord() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw new FileFault(422, "CSV_MALFORMED", "the file is not valid CSV after line " + lastLine + ": "
                    + e.getCause().getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
