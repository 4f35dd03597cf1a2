package dev.customsgateway.intake.format;

import dev.customsgateway.core.FileFault;
import dev.customsgateway.core.SourceSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the rows of one worksheet part ({@code <sheetData><row><c>}), one row in memory at a time, turning each
 * cell into its text: shared strings looked up in the {@link SharedStringsFile}, inline strings, numbers as stored
 * (e.g. {@code 12.5}, dates as their serial number), booleans as {@code true}/{@code false}, formula results as
 * cached, error values as written ({@code #N/A}). Cells and rows without a reference follow the previous one, as
 * the format allows.
 */
final class XlsxSheetRows {

    /** Excel's last column is XFD. */
    static final int MAX_COLUMNS = 16384;

    /** A cell with a value: 0-based column, its reference ({@code C7}) and text. */
    record Cell(int column, String ref, String text) {
    }

    /** A row with its sheet row number and its non-empty cells. */
    record Row(int number, List<Cell> cells) {
    }

    private final SafeXmlEvents events;
    private final SharedStringsFile strings;
    private final XlsxText richText;
    private final String sheet;
    private final int maxChars;
    private final int maxRowChars;
    private int lastRow;

    XlsxSheetRows(SafeXmlEvents events, SharedStringsFile strings, String sheet, SourceSettings.Limits limits) {
        this.events = events;
        this.strings = strings;
        this.richText = new XlsxText(events, limits.maxFieldChars());
        this.sheet = sheet;
        this.maxChars = limits.maxFieldChars();
        // a row is a spreadsheet's line: the line limit bounds its characters, so 16,384 long cells cannot fill the heap
        this.maxRowChars = limits.maxLineChars();
    }

    /** The next row, or null at the end of the sheet. */
    Row next() throws IOException {
        if (!richText.nextItem("row")) {
            return null;
        }
        XMLStreamReader xml = events.xml();
        int number = parseRow(xml.getAttributeValue(null, "r"));
        lastRow = number;
        List<Cell> cells = new ArrayList<>();
        long rowChars = 0;
        int column = -1;
        for (int e = events.next(); e != XMLStreamConstants.END_ELEMENT || !xml.getLocalName().equals("row");
                e = events.next()) {
            if (e == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                String ref = xml.getAttributeValue(null, "r");
                column = ref == null ? column + 1 : column(ref, number);
                ref = ref == null ? XlsxSheetRows.name(column) + number : ref;
                if (column >= MAX_COLUMNS) {
                    throw malformed("cell " + ref + " is beyond the last column XFD");
                }
                String text = readCell(xml.getAttributeValue(null, "t"), ref);
                if (text != null && !text.isEmpty()) {
                    rowChars += text.length();
                    if (rowChars > maxRowChars) {
                        throw new FileFault(422, "RECORD_TOO_LONG", "sheet " + sheet + " row " + number
                                + " is longer than the limit of " + maxRowChars + " characters");
                    }
                    cells.add(new Cell(column, ref, text));
                }
            }
        }
        return new Row(number, cells);
    }

    /** Reads a cell from its start tag through its end tag. */
    private String readCell(String type, String ref) throws IOException {
        String value = null;
        String inline = null;
        XMLStreamReader xml = events.xml();
        for (int e = events.next(); e != XMLStreamConstants.END_ELEMENT || !xml.getLocalName().equals("c");
                e = events.next()) {
            if (e == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("v")) {
                value = readValue(ref);
            } else if (e == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("is")) {
                inline = richText.read();
            }
        }
        String text = switch (type == null ? "n" : type) {
            case "s" -> value == null ? null : strings.get(sharedIndex(value, ref), ref);
            case "inlineStr" -> inline;
            case "b" -> value == null ? null : "1".equals(value.trim()) ? "true" : "false";
            default -> value; // n, str (formula text), d (ISO date), e (error)
        };
        if (text != null && text.length() > maxChars) {
            throw new FileFault(422, "FIELD_TOO_LONG", "sheet " + sheet + " cell " + ref
                    + ": a value longer than the limit of " + maxChars + " characters");
        }
        return text;
    }

    /** The text of a {@code <v>} element, bounded. */
    private String readValue(String ref) {
        StringBuilder text = new StringBuilder();
        for (int e = events.next(); e != XMLStreamConstants.END_ELEMENT; e = events.next()) {
            if (e == XMLStreamConstants.START_ELEMENT) {
                throw malformed("cell " + ref + " has markup inside its value");
            }
            if (XlsxText.isText(e)) {
                text.append(events.text());
                if (text.length() > maxChars) {
                    throw new FileFault(422, "FIELD_TOO_LONG", "sheet " + sheet + " cell " + ref
                            + ": a value longer than the limit of " + maxChars + " characters");
                }
            }
        }
        return text.toString();
    }

    private int sharedIndex(String value, String ref) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw malformed("cell " + ref + " is a shared string but its index is '" + value + "'");
        }
    }

    private int parseRow(String r) {
        if (r == null) {
            return lastRow + 1;
        }
        try {
            int n = Integer.parseInt(r.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw malformed("a row is numbered '" + r + "'");
        }
    }

    /** The 0-based column of a reference like {@code AB12}; faults on anything else. */
    private int column(String ref, int row) {
        int column = 0;
        int i = 0;
        while (i < ref.length() && i < 4 && Character.isLetter(ref.charAt(i))) {
            char c = Character.toUpperCase(ref.charAt(i));
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
            i++;
        }
        if (i == 0 || i > 3 || !ref.substring(i).equals(Integer.toString(row))) {
            throw malformed("cell reference '" + ref + "' is not a cell of row " + row);
        }
        return column - 1;
    }

    /** The letters of a 0-based column: 0 is A, 26 is AA. */
    static String name(int column) {
        StringBuilder letters = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }

    private FileFault malformed(String what) {
        return new FileFault(422, "XLSX_MALFORMED", "sheet " + sheet + ": " + what + " (line " + events.line()
                + " of its XML)");
    }
}
