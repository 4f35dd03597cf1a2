package dev.customsgateway.intake.format;

import dev.customsgateway.core.FileFault;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * Finds a worksheet part and the shared-strings part of a workbook, the way Excel does: the sheet by name (or the
 * first) in {@code xl/workbook.xml}, its relationship id resolved to a part name in
 * {@code xl/_rels/workbook.xml.rels}. Only part names inside the package come out; external targets are ignored.
 *
 * @param sheetName        the sheet's name, for error messages
 * @param sheetPart        the worksheet's part name, e.g. {@code xl/worksheets/sheet1.xml}
 * @param sharedStringsPart the shared-strings part name, or null when the workbook has none
 */
record XlsxWorkbook(String sheetName, String sheetPart, String sharedStringsPart) {

    private static final String WORKBOOK = "xl/workbook.xml";
    private static final String RELS = "xl/_rels/workbook.xml.rels";
    private static final int NAMES_IN_MESSAGE = 20;

    static XlsxWorkbook locate(XlsxPackage pkg, String wantedSheet) throws IOException {
        if (!pkg.has(WORKBOOK)) {
            throw new FileFault(422, "XLSX_MALFORMED", "the file is a zip but not an XLSX workbook: it has no "
                    + WORKBOOK);
        }
        String[] sheet = findSheet(pkg, wantedSheet);
        String sheetPart = null;
        String stringsPart = null;
        try (InputStream in = pkg.open(RELS); SafeXmlEvents events = SafeXmlEvents.of(in, RELS, "XLSX")) {
            for (int e = events.next(); e != XMLStreamConstants.END_DOCUMENT; e = events.next()) {
                XMLStreamReader xml = events.xml();
                if (e != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals("Relationship")
                        || "External".equals(xml.getAttributeValue(null, "TargetMode"))) {
                    continue;
                }
                String target = resolve(xml.getAttributeValue(null, "Target"));
                String type = String.valueOf(xml.getAttributeValue(null, "Type"));
                if (sheet[1].equals(xml.getAttributeValue(null, "Id"))) {
                    sheetPart = target;
                } else if (type.endsWith("/sharedStrings") && stringsPart == null) {
                    stringsPart = target;
                }
            }
        }
        if (sheetPart == null || !pkg.has(sheetPart)) {
            throw new FileFault(422, "XLSX_MALFORMED", "the workbook names sheet '" + sheet[0]
                    + "' but its part is missing");
        }
        if (stringsPart == null && pkg.has("xl/sharedStrings.xml")) {
            stringsPart = "xl/sharedStrings.xml"; // some writers omit the relationship
        }
        return new XlsxWorkbook(sheet[0], sheetPart, stringsPart);
    }

    /** The name and relationship id of the wanted sheet; reads only until it is found. */
    private static String[] findSheet(XlsxPackage pkg, String wanted) throws IOException {
        List<String> seen = new ArrayList<>();
        try (InputStream in = pkg.open(WORKBOOK); SafeXmlEvents events = SafeXmlEvents.of(in, WORKBOOK, "XLSX")) {
            for (int e = events.next(); e != XMLStreamConstants.END_DOCUMENT; e = events.next()) {
                XMLStreamReader xml = events.xml();
                if (e != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals("sheet")) {
                    continue;
                }
                String name = String.valueOf(xml.getAttributeValue(null, "name"));
                if (wanted == null || wanted.equals(name)) {
                    return new String[] {name, relationshipId(xml)};
                }
                if (seen.size() < NAMES_IN_MESSAGE) {
                    seen.add(name);
                }
            }
        }
        if (wanted == null) {
            throw new FileFault(422, "XLSX_SHEET_MISSING", "the workbook has no sheet");
        }
        throw new FileFault(422, "XLSX_SHEET_MISSING", "the workbook has no sheet named '" + wanted
                + "'; it has: " + String.join(", ", seen));
    }

    /** The {@code r:id} attribute, in the transitional or the strict relationships namespace. */
    private static String relationshipId(XMLStreamReader xml) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String ns = xml.getAttributeNamespace(i);
            if (ns != null && !ns.isEmpty() && xml.getAttributeLocalName(i).equals("id")) {
                return xml.getAttributeValue(i);
            }
        }
        return "";
    }

    /** A relationship target (relative to {@code xl/}, or absolute from the package root) to a part name. */
    static String resolve(String target) {
        if (target == null || target.isEmpty()) {
            return "";
        }
        String path = target.startsWith("/") ? target.substring(1) : "xl/" + target;
        List<String> parts = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                parts.add(segment);
            }
        }
        return String.join("/", parts);
    }
}
