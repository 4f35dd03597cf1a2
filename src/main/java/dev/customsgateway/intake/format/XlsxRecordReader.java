package dev.customsgateway.intake.format;

import dev.customsgateway.core.FileFault;
import dev.customsgateway.core.SourceRecord;
import dev.customsgateway.core.SourceSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads one sheet of an XLSX workbook (the profile's sheet, or the first) row by row, without Apache POI: a small
 * StAX reader over {@code java.util.zip}, so neither the workbook nor its shared-strings table is ever held whole in
 * memory. The first row with values is the header; every later row with values becomes a flat
 * {@link SourceRecord} of its cells by header name, numbered by its sheet row, with each field's cell reference
 * ({@code C7}) so errors can name the cell. Columns without a header are ignored, as spreadsheets carry notes beside
 * the data. Zip bombs, a missing sheet or required column, broken parts and too many rows are {@link FileFault}s.
 */
final class XlsxRecordReader implements RecordReader {

    private final XlsxPackage pkg;
    private final SharedStringsFile strings;
    private final InputStream sheetStream;
    private final SafeXmlEvents events;
    private final XlsxSheetRows rows;
    private final String sheet;
    private final SourceSettings.Limits limits;
    private final List<String> header;
    private XlsxSheetRows.Row pending;
    private boolean finished;
    private long count;

    XlsxRecordReader(InputStream in, SourceSettings settings) throws IOException {
        this.limits = settings.limits();
        this.pkg = XlsxPackage.open(in, limits.maxUnzippedBytes());
        SharedStringsFile table = null;
        InputStream stream = null;
        SafeXmlEvents parsed = null;
        try {
            XlsxWorkbook workbook = XlsxWorkbook.locate(pkg, settings.sheet());
            table = workbook.sharedStringsPart() == null ? SharedStringsFile.empty(pkg.folder())
                    : SharedStringsFile.load(pkg, workbook.sharedStringsPart(), limits.maxFieldChars());
            stream = pkg.open(workbook.sheetPart());
            parsed = SafeXmlEvents.of(stream, workbook.sheetPart(), "XLSX");
            this.sheet = workbook.sheetName();
            this.rows = new XlsxSheetRows(parsed, table, sheet, limits);
            this.header = readHeader(settings.requiredFields());
        } catch (IOException | RuntimeException e) {
            try {
                closeQuietly(parsed, stream, table, pkg);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup); // the fault of the file matters more than a failed cleanup
            }
            throw e;
        }
        this.strings = table;
        this.sheetStream = stream;
        this.events = parsed;
    }

    private List<String> readHeader(List<String> required) throws IOException {
        XlsxSheetRows.Row first = nextRowWithValues();
        if (first == null) {
            throw new FileFault(422, "FILE_EMPTY", "sheet " + sheet + " is empty: it has no header row");
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (XlsxSheetRows.Cell cell : first.cells()) {
            String name = cell.text().trim();
            if (!name.isEmpty() && !seen.add(name)) {
                throw new FileFault(422, "HEADER_DUPLICATE_COLUMN", "sheet " + sheet + " header names column '"
                        + name + "' twice (cell " + cell.ref() + ")");
            }
            while (names.size() <= cell.column()) {
                names.add("");
            }
            names.set(cell.column(), name); // by column, as cells may skip columns or come out of order
        }
        List<String> missing = required.stream().filter(c -> !seen.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new FileFault(422, "HEADER_MISSING_COLUMNS", "sheet " + sheet + " header (row " + first.number()
                    + ") lacks required column(s): " + String.join(", ", missing));
        }
        return names;
    }

    private XlsxSheetRows.Row nextRowWithValues() throws IOException {
        XlsxSheetRows.Row row = rows.next();
        // rows that carry only formatting come as empty rows: skip them, as the CSV reader skips blank lines
        while (row != null && row.cells().isEmpty()) {
            row = rows.next();
        }
        return row;
    }

    @Override
    public boolean hasNext() {
        if (!finished && pending == null) {
            try {
                pending = nextRowWithValues();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            finished = pending == null;
        }
        return pending != null;
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        XlsxSheetRows.Row row = pending;
        pending = null;
        if (++count > limits.maxRecords()) {
            throw new FileFault(413, "TOO_MANY_RECORDS", "sheet " + sheet + " has more than " + limits.maxRecords()
                    + " rows");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> cells = new LinkedHashMap<>();
        for (XlsxSheetRows.Cell cell : row.cells()) {
            String name = cell.column() < header.size() ? header.get(cell.column()) : "";
            if (!name.isEmpty() && !values.containsKey(name)) {
                values.put(name, cell.text());
                cells.put(name, cell.ref());
            }
        }
        return new SourceRecord(row.number(), "sheet " + sheet + " row " + row.number(), values, List.of(), cells);
    }

    /** The folder of this workbook's temporary files (a copy of the upload, the shared strings), until closed. */
    java.nio.file.Path temporaryFolder() {
        return pkg.folder();
    }

    @Override
    public void close() throws IOException {
        closeQuietly(events, sheetStream, strings, pkg);
    }

    private static void closeQuietly(AutoCloseable... resources) throws IOException {
        IOException first = null;
        for (AutoCloseable resource : resources) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (IOException e) {
                first = first == null ? e : first;
            } catch (Exception e) {
                first = first == null ? new IOException(e) : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
