package dev.customsgateway.intake.format;

import dev.customsgateway.core.FileFault;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The zip package of an XLSX workbook, opened for random access. A zip's directory is at its end and the parts
 * may come in any order, so the upload is first copied to a private temporary folder (at most as many bytes as the
 * profile allows unzipped); every part is then read through the {@link UnzipBudget}. The folder also holds the
 * shared-strings store, and {@link #close()} deletes it.
 */
final class XlsxPackage implements Closeable {

    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private final Path folder;
    private final ZipFile zip;
    private final UnzipBudget budget;

    private XlsxPackage(Path folder, ZipFile zip, UnzipBudget budget) {
        this.folder = folder;
        this.zip = zip;
        this.budget = budget;
    }

    /** Copies the upload aside and opens it; faults if it is not a zip. Cleans up after itself on failure. */
    static XlsxPackage open(InputStream in, long maxUnzippedBytes) throws IOException {
        Path folder = Files.createTempDirectory("gateway-xlsx-");
        try {
            Path copy = folder.resolve("upload.xlsx");
            spool(in, copy, maxUnzippedBytes);
            return new XlsxPackage(folder, openZip(copy), new UnzipBudget(maxUnzippedBytes));
        } catch (IOException | RuntimeException e) {
            deleteFolder(folder);
            throw e;
        }
    }

    private static void spool(InputStream in, Path copy, long maxBytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(copy)) {
            byte[] buffer = new byte[65536];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > maxBytes) {
                    throw new FileFault(413, "XLSX_TOO_LARGE", "the workbook is larger than the limit of " + maxBytes
                            + " bytes");
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static ZipFile openZip(Path copy) throws IOException {
        try {
            return new ZipFile(copy.toFile());
        } catch (ZipException e) {
            byte[] head = new byte[4];
            try (InputStream in = Files.newInputStream(copy)) {
                head = in.readNBytes(4);
            }
            if (java.util.Arrays.equals(head, OLE2_MAGIC)) {
                throw new FileFault(400, "XLSX_NOT_ZIP", "the file is a legacy .xls workbook or a password-protected"
                        + " one; save it unprotected as .xlsx");
            }
            throw new FileFault(400, "XLSX_NOT_ZIP", "the file is not an XLSX workbook (not a zip package)");
        }
    }

    /** The folder for this workbook's temporary files. */
    Path folder() {
        return folder;
    }

    boolean has(String part) {
        return zip.getEntry(part) != null;
    }

    /** Opens a part through the unzip budget; a missing part is a fault naming it. */
    InputStream open(String part) throws IOException {
        ZipEntry entry = zip.getEntry(part);
        if (entry == null || entry.isDirectory()) {
            throw new FileFault(422, "XLSX_MALFORMED", "the workbook lacks its part " + part);
        }
        try {
            return budget.meter(zip.getInputStream(entry), part, entry.getCompressedSize());
        } catch (ZipException e) {
            throw new FileFault(422, "XLSX_MALFORMED", "the workbook's part " + part + " is damaged: "
                    + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        try {
            zip.close();
        } finally {
            deleteFolder(folder);
        }
    }

    static void deleteFolder(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(folder);
    }
}
