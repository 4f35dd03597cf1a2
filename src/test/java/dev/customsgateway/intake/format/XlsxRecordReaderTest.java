package dev.customsgateway.intake.format;

import static dev.customsgateway.intake.format.Formats.limits;
import static dev.customsgateway.intake.format.Formats.readAll;
import static dev.customsgateway.intake.format.Formats.withLimits;
import static dev.customsgateway.intake.format.Formats.xlsx;
import static dev.customsgateway.intake.format.JsonRecordReaderTest.assertFault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customsgateway.core.FileFault;
import dev.customsgateway.core.SourceRecord;
import dev.customsgateway.intake.format.XlsxFixture.Inline;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class XlsxRecordReaderTest {

    private static final List<Object> HEADER = Arrays.asList("order_no", "item", "qty", "price", "gift", "note");

    private static byte[] orders() {
        return new XlsxFixture()
                .sheet("Orders", List.of(
                        HEADER,
                        Arrays.asList("SO-1", "Merino scarf", 2, 12.5, true, new Inline("leave at door")),
                        Arrays.asList(null, null, null, null, null, null),
                        Arrays.asList("SO-2", new Inline("Tea & cups"), 1, 0.30000000000000004, false, null, "stray")))
                .sheet("Notes", List.of(List.of("remark"), List.of("not orders")))
                .bytes();
    }

    @Test
    void readsFirstSheetWithEveryCellType() {
        List<SourceRecord> rows = readAll(orders(), xlsx(null, List.of("order_no", "qty")));

        assertThat(rows).as("the blank row 3 is skipped").extracting(SourceRecord::row).containsExactly(2, 4);
        SourceRecord first = rows.get(0);
        assertThat(first.location()).isEqualTo("sheet Orders row 2");
        assertThat(first.values()).containsExactly(
                java.util.Map.entry("order_no", "SO-1"), java.util.Map.entry("item", "Merino scarf"),
                java.util.Map.entry("qty", "2"), java.util.Map.entry("price", "12.5"),
                java.util.Map.entry("gift", "true"), java.util.Map.entry("note", "leave at door"));
        assertThat(first.cells()).containsEntry("price", "D2").containsEntry("note", "F2");
        SourceRecord second = rows.get(1);
        assertThat(second.values()).containsEntry("item", "Tea & cups").containsEntry("gift", "false")
                .as("numbers as stored").containsEntry("price", "0.30000000000000004")
                .as("a column without header is ignored").doesNotContainValue("stray")
                .doesNotContainKey("note");
    }

    @Test
    void readsNamedSheet() {
        List<SourceRecord> rows = readAll(orders(), xlsx("Notes", List.of()));
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.value("remark")).isEqualTo("not orders");
            assertThat(r.location()).isEqualTo("sheet Notes row 2");
            assertThat(r.cells()).containsEntry("remark", "A2");
        });
    }

    @Test
    void readsRichTextEscapesAndCellsWithoutReferences() {
        String sst = "<sst xmlns=\"" + XlsxFixture.MAIN + "\"><si><t>name</t></si>"
                + "<si><r><t>Zhang </t></r><r><rPr><b/></rPr><t>Wei</t></r><rPh><t>ちょう</t></rPh></si>"
                + "<si><t>line_x000D_break</t></si></sst>";
        String sheet = "<worksheet xmlns=\"" + XlsxFixture.MAIN + "\"><sheetData>"
                + "<row><c t=\"s\"><v>0</v></c><c t=\"inlineStr\"><is><t>code</t></is></c></row>"
                + "<row><c t=\"s\"><v>1</v></c><c><v>7</v></c></row>"
                + "<row r=\"9\"><c r=\"A9\" t=\"s\"><v>2</v></c><c r=\"B9\" t=\"e\"><v>#N/A</v></c></row>"
                + "</sheetData></worksheet>";
        byte[] book = new XlsxFixture().sheet("S", List.of()).part("xl/sharedStrings.xml", sst)
                .part("xl/worksheets/sheet1.xml", sheet).bytes();

        List<SourceRecord> rows = readAll(book, xlsx(null, List.of()));

        assertThat(rows).extracting(SourceRecord::row).containsExactly(2, 9);
        assertThat(rows.get(0).values()).containsEntry("name", "Zhang Wei").containsEntry("code", "7");
        assertThat(rows.get(0).cells()).containsEntry("code", "B2");
        assertThat(rows.get(1).values()).containsEntry("name", "line\rbreak").containsEntry("code", "#N/A");
    }

    @Test
    void rejectsMissingSheet() {
        assertFault(() -> readAll(orders(), xlsx("Bestellungen", List.of())), "XLSX_SHEET_MISSING",
                "no sheet named 'Bestellungen'; it has: Orders, Notes");
    }

    @Test
    void rejectsMissingRequiredColumn() {
        assertFault(() -> readAll(orders(), xlsx(null, List.of("order_no", "consignee", "country"))),
                "HEADER_MISSING_COLUMNS", "consignee, country");
    }

    @Test
    void rejectsDuplicateHeaderAndEmptySheet() {
        byte[] dup = new XlsxFixture().sheet("S", List.of(List.of("a", "b", "a"))).bytes();
        assertFault(() -> readAll(dup, xlsx(null, List.of())), "HEADER_DUPLICATE_COLUMN", "cell C1");
        byte[] empty = new XlsxFixture().sheet("Empty", List.of()).bytes();
        assertFault(() -> readAll(empty, xlsx(null, List.of())), "FILE_EMPTY", "sheet Empty");
    }

    @Test
    void rejectsTooManyRecords() {
        var settings = withLimits(xlsx(null, List.of()), limits(1, 1000, 100, 10, 1 << 20));
        assertFault(() -> readAll(orders(), settings), "TOO_MANY_RECORDS", "more than 1 rows");
    }

    @Test
    void rejectsOverlongCellNamingIt() {
        byte[] book = new XlsxFixture().sheet("S", List.of(List.of("a", "b"), List.of("ok", "x".repeat(11)))).bytes();
        var settings = withLimits(xlsx(null, List.of()), limits(10, 1000, 10, 10, 1 << 20));
        assertFault(() -> readAll(book, settings), "FIELD_TOO_LONG", "sheet S cell B2");
    }

    @Test
    void rejectsRowLongerThanTheLineLimit() {
        List<Object> wide = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            wide.add("cell " + i + " " + "x".repeat(40));
        }
        byte[] book = new XlsxFixture().sheet("S", List.of(List.of("a"), wide)).bytes();
        var settings = withLimits(xlsx(null, List.of()), limits(10, 1000, 100, 10, 1 << 20));
        assertFault(() -> readAll(book, settings), "RECORD_TOO_LONG", "sheet S row 2");
    }

    @Test
    void headerCellsOutOfOrderStillNameTheirColumns() {
        String sheet = "<worksheet><sheetData><row r=\"1\"><c r=\"C1\" t=\"inlineStr\"><is><t>c</t></is></c>"
                + "<c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"C2\"><v>3</v></c></row></sheetData></worksheet>";
        byte[] book = new XlsxFixture().sheet("S", List.of()).part("xl/worksheets/sheet1.xml", sheet).bytes();
        assertThat(readAll(book, xlsx(null, List.of("a", "c")))).singleElement()
                .satisfies(r -> assertThat(r.values()).containsEntry("a", "1").containsEntry("c", "3"));
    }

    @Test
    void rejectsXlsxZipBomb() throws IOException {
        // 100 MB of whitespace inside sheetData deflates to about 100 KB: a ratio near 1000:1
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            writeSkeleton(zip);
            XlsxFixture.put(zip, "xl/sharedStrings.xml", "<sst/>".getBytes());
            XlsxFixture.putStreamed(zip, "xl/worksheets/sheet1.xml", part -> {
                part.write(("<worksheet xmlns=\"" + XlsxFixture.MAIN + "\"><sheetData>").getBytes());
                byte[] spaces = new byte[1 << 20];
                Arrays.fill(spaces, (byte) ' ');
                for (int i = 0; i < 100; i++) {
                    part.write(spaces);
                }
                part.write("</sheetData></worksheet>".getBytes());
            });
        }
        byte[] bomb = out.toByteArray();
        assertThat(bomb.length).isLessThan(1 << 20);

        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertFault(() -> readAll(bomb, xlsx(null, List.of())), "XLSX_ZIP_BOMB",
                        "xl/worksheets/sheet1.xml"));
        var small = withLimits(xlsx(null, List.of()), limits(10, 1000, 100, 10, 512 * 1024));
        assertFault(() -> readAll(bomb, small), "XLSX_TOO_LARGE", "524288 bytes");
    }

    @Test
    void handlesHugeSharedStringsTableWithoutHeap(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        int n = 200_000;
        Path file = dir.resolve("big.xlsx");
        HugeStringsWorkbook.write(file, n);
        Runtime runtime = Runtime.getRuntime();
        long before = usedHeapAfterGc(runtime);

        try (XlsxRecordReader reader = new XlsxRecordReader(Files.newInputStream(file), xlsx(null, List.of()))) {
            long loaded = usedHeapAfterGc(runtime) - before;
            // the table is about 20 million characters (40 MB as Java strings); held on disk it costs the heap
            // only the cache of 1,024 strings
            assertThat(loaded).as("heap held after loading %d shared strings", n).isLessThan(8L << 20);
            assertThat(Files.size(reader.temporaryFolder().resolve("shared-strings.bin"))).isGreaterThan(20_000_000L);
            int count = 0;
            while (reader.hasNext()) {
                SourceRecord row = reader.next();
                count++;
                int i = row.row() - 2;
                assertThat(row.value("text")).isEqualTo(HugeStringsWorkbook.text(HugeStringsWorkbook.stringOf(i, n)));
            }
            assertThat(count).isEqualTo(n);
        }
    }

    @Test
    void deletesTemporaryFilesOnCloseAndOnFault() throws IOException {
        Path folder;
        try (XlsxRecordReader reader = new XlsxRecordReader(new ByteArrayInputStream(orders()),
                xlsx(null, List.of()))) {
            folder = reader.temporaryFolder();
            assertThat(folder).isDirectory();
        }
        assertThat(folder).doesNotExist();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = countXlsxFolders(tmp);
        assertThatThrownBy(() -> readAll(orders(), xlsx("Nope", List.of()))).isInstanceOf(FileFault.class);
        assertThat(countXlsxFolders(tmp)).isEqualTo(before);
    }

    @Test
    void rejectsDoctypeInAWorkbookPart() {
        byte[] book = new XlsxFixture().sheet("S", List.of(List.of("a")))
                .part("xl/worksheets/sheet1.xml", "<!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&x;</t></is></c></row></sheetData>"
                        + "</worksheet>").bytes();
        assertFault(() -> readAll(book, xlsx(null, List.of())), "XLSX_DOCTYPE", "xl/worksheets/sheet1.xml");
    }

    @Test
    void rejectsBrokenWorkbooks() {
        byte[] badIndex = new XlsxFixture().sheet("S", List.of(List.of("a")))
                .part("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row><c t=\"s\"><v>0</v></c></row>"
                        + "<row><c t=\"s\"><v>99</v></c></row></sheetData></worksheet>").bytes();
        assertFault(() -> readAll(badIndex, xlsx(null, List.of())), "XLSX_MALFORMED", "cell A2 refers to shared string 99");
        byte[] badRef = new XlsxFixture().sheet("S", List.of(List.of("a")))
                .part("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c r=\"ZZZZ1\"><v>1</v></c>"
                        + "</row></sheetData></worksheet>").bytes();
        assertFault(() -> readAll(badRef, xlsx(null, List.of())), "XLSX_MALFORMED", "ZZZZ1");
        byte[] noWorkbook = zipOf("docProps/app.xml", "<x/>");
        assertFault(() -> readAll(noWorkbook, xlsx(null, List.of())), "XLSX_MALFORMED", "not an XLSX workbook");
    }

    @Test
    void rejectsBinaryGarbageAndLegacyXls() {
        byte[] garbage = new byte[4096];
        new Random(3).nextBytes(garbage);
        assertFault(() -> readAll(garbage, xlsx(null, List.of())), "XLSX_NOT_ZIP", "not an XLSX workbook");
        byte[] xls = Arrays.copyOf(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1}, 512);
        assertFault(() -> readAll(xls, xlsx(null, List.of())), "XLSX_NOT_ZIP", "legacy .xls");
        assertFault(() -> readAll(new byte[0], xlsx(null, List.of())), "XLSX_NOT_ZIP", "not a zip");
    }

    static void writeSkeleton(ZipOutputStream zip) throws IOException {
        byte[] parts = new XlsxFixture().sheet("Orders", List.of()).bytes();
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(parts))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.getName().startsWith("xl/worksheets/") && !entry.getName().equals("xl/sharedStrings.xml")) {
                    XlsxFixture.put(zip, entry.getName(), in.readAllBytes());
                }
            }
        }
    }

    private static byte[] zipOf(String name, String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            XlsxFixture.put(zip, name, content.getBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static long usedHeapAfterGc(Runtime runtime) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long countXlsxFolders(Path tmp) throws IOException {
        try (var files = Files.list(tmp)) {
            return files.filter(p -> p.getFileName().toString().startsWith("gateway-xlsx-")).count();
        }
    }
}
