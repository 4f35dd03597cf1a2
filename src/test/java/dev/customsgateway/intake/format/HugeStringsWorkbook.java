package dev.customsgateway.intake.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipOutputStream;

/**
 * Writes, streaming, a workbook with {@code n} distinct shared strings of about 100 characters and a sheet of
 * {@code n} rows that use them in a scattered order, so lookups jump around the table. Used by the shared-strings
 * test and the bench.
 */
final class HugeStringsWorkbook {

    private HugeStringsWorkbook() {
    }

    static void write(Path file, int n) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            XlsxRecordReaderTest.writeSkeleton(zip);
            XlsxFixture.putStreamed(zip, "xl/sharedStrings.xml", part -> {
                Writer w = new java.io.OutputStreamWriter(part, StandardCharsets.UTF_8);
                w.write("<sst xmlns=\"" + XlsxFixture.MAIN + "\" count=\"" + (n + 2) + "\"><si><t>n</t></si><si><t>text"
                        + "</t></si>");
                for (int i = 0; i < n; i++) {
                    w.write("<si><t>" + text(i) + "</t></si>");
                }
                w.write("</sst>");
                w.flush();
            });
            XlsxFixture.putStreamed(zip, "xl/worksheets/sheet1.xml", part -> {
                Writer w = new java.io.OutputStreamWriter(part, StandardCharsets.UTF_8);
                w.write("<worksheet xmlns=\"" + XlsxFixture.MAIN + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\">"
                        + "<v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>");
                for (int i = 0; i < n; i++) {
                    int r = i + 2;
                    w.write("<row r=\"" + r + "\"><c r=\"A" + r + "\"><v>" + i + "</v></c><c r=\"B" + r
                            + "\" t=\"s\"><v>" + (stringOf(i, n) + 2) + "</v></c></row>");
                }
                w.write("</sheetData></worksheet>");
                w.flush();
            });
        }
    }

    /** The table entry (0-based, after the two header strings) that row i uses: a scattered permutation. */
    static int stringOf(int i, int n) {
        return (int) ((i * 7919L) % n);
    }

    /** The i-th distinct string: an address-like text that does not compress like a bomb. */
    static String text(int i) {
        long h = i * 0x9E3779B97F4A7C15L;
        StringBuilder s = new StringBuilder("No. ").append(i).append(" Renmin Road ");
        while (s.length() < 100) {
            h ^= h >>> 29;
            h *= 0xBF58476D1CE4E5B9L;
            s.append(Long.toString(h & Long.MAX_VALUE, 36));
        }
        return s.toString();
    }
}
