package dev.customsgateway.intake.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes minimal XLSX workbooks for tests with {@link ZipOutputStream}: the OOXML parts Excel needs to open a file
 * ({@code [Content_Types].xml}, the package and workbook relationships, the workbook, the sheets and the shared
 * strings). Cell values by Java type: a String is a shared string, a {@link Inline} an inline string, a Number a
 * number, a Boolean a boolean, null an absent cell.
 */
final class XlsxFixture {

    /** An inline string cell. */
    record Inline(String text) {
    }

    private final Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
    private final Map<String, byte[]> extraParts = new LinkedHashMap<>();

    XlsxFixture sheet(String name, List<List<Object>> rows) {
        sheets.put(name, rows);
        return this;
    }

    /** Adds or replaces a part with raw bytes (hostile cases). */
    XlsxFixture part(String name, String xml) {
        extraParts.put(name, xml.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            List<String> strings = new ArrayList<>();
            Map<String, String> parts = new LinkedHashMap<>();
            parts.put("[Content_Types].xml", contentTypes());
            parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" + PKG_RELS
                    + "\"><Relationship Id=\"rId1\" Type=\"" + OFFICE + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            parts.put("xl/workbook.xml", workbook());
            parts.put("xl/_rels/workbook.xml.rels", workbookRels());
            int n = 1;
            for (List<List<Object>> rows : sheets.values()) {
                parts.put("xl/worksheets/sheet" + n++ + ".xml", sheetXml(rows, strings));
            }
            parts.put("xl/sharedStrings.xml", sharedStrings(strings));
            for (Map.Entry<String, String> part : parts.entrySet()) {
                if (!extraParts.containsKey(part.getKey())) {
                    put(zip, part.getKey(), part.getValue().getBytes(StandardCharsets.UTF_8));
                }
            }
            for (Map.Entry<String, byte[]> part : extraParts.entrySet()) {
                put(zip, part.getKey(), part.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    static final String PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

    static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private String contentTypes() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\""
                + "http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                + ".spreadsheetml.sheet.main+xml\"/>");
        for (int i = 1; i <= sheets.size(); i++) {
            xml.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        return xml.append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.spreadsheetml.sharedStrings+xml\"/></Types>").toString();
    }

    private String workbook() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + MAIN
                + "\" xmlns:r=\"" + OFFICE + "\"><sheets>");
        int n = 1;
        for (String name : sheets.keySet()) {
            xml.append("<sheet name=\"").append(escape(name)).append("\" sheetId=\"").append(n)
                    .append("\" r:id=\"rId").append(n++).append("\"/>");
        }
        return xml.append("</sheets></workbook>").toString();
    }

    private String workbookRels() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
                + PKG_RELS + "\">");
        int n = 1;
        for (int i = 0; i < sheets.size(); i++, n++) {
            xml.append("<Relationship Id=\"rId").append(n).append("\" Type=\"").append(OFFICE)
                    .append("/worksheet\" Target=\"worksheets/sheet").append(n).append(".xml\"/>");
        }
        return xml.append("<Relationship Id=\"rId").append(n).append("\" Type=\"").append(OFFICE)
                .append("/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>").toString();
    }

    private static String sheetXml(List<List<Object>> rows, List<String> strings) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN
                + "\"><sheetData>");
        for (int r = 0; r < rows.size(); r++) {
            xml.append("<row r=\"").append(r + 1).append("\">");
            List<Object> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                cell(xml, XlsxSheetRows.name(c) + (r + 1), row.get(c), strings);
            }
            xml.append("</row>");
        }
        return xml.append("</sheetData></worksheet>").toString();
    }

    private static void cell(StringBuilder xml, String ref, Object value, List<String> strings) {
        if (value == null) {
            return;
        }
        xml.append("<c r=\"").append(ref).append('"');
        if (value instanceof String s) {
            xml.append(" t=\"s\"><v>").append(strings.size()).append("</v></c>");
            strings.add(s);
        } else if (value instanceof Inline inline) {
            xml.append(" t=\"inlineStr\"><is><t>").append(escape(inline.text())).append("</t></is></c>");
        } else if (value instanceof Boolean b) {
            xml.append(" t=\"b\"><v>").append(b ? 1 : 0).append("</v></c>");
        } else {
            xml.append("><v>").append(value).append("</v></c>");
        }
    }

    private static String sharedStrings(List<String> strings) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN
                + "\" count=\"" + strings.size() + "\" uniqueCount=\"" + strings.size() + "\">");
        for (String s : strings) {
            xml.append("<si><t xml:space=\"preserve\">").append(escape(s)).append("</t></si>");
        }
        return xml.append("</sst>").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Streams a part of any size into the zip: for large and hostile workbooks built without holding them. */
    interface PartWriter {
        void write(OutputStream out) throws IOException;
    }

    static void putStreamed(ZipOutputStream zip, String name, PartWriter writer) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        writer.write(new java.io.FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() {
                // the zip stays open for the next part
            }
        });
        zip.closeEntry();
    }
}
