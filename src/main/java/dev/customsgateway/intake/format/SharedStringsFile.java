package dev.customsgateway.intake.format;

import dev.customsgateway.core.FileFault;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A workbook's shared-strings table kept on disk, not in the heap: a sheet with hundreds of thousands of distinct
 * texts (addresses, names) has a table of hundreds of megabytes. The {@code xl/sharedStrings.xml} part is streamed
 * once into two files in the workbook's temporary folder, the strings as length-prefixed UTF-8 and an index of
 * their offsets, 8 bytes each; a cell's string is then two positional reads. A small direct-mapped cache serves the
 * texts a sheet repeats (countries, units, currencies). Strings are cut one past the field limit, so an over-long
 * one is still refused when a cell uses it but never held whole.
 */
final class SharedStringsFile implements Closeable {

    private static final int CACHE_SLOTS = 1024;

    private final FileChannel strings;
    private final FileChannel index;
    private final int count;
    private final int[] cachedIndex = new int[CACHE_SLOTS];
    private final String[] cachedText = new String[CACHE_SLOTS];
    private final ByteBuffer word = ByteBuffer.allocate(8);

    private SharedStringsFile(FileChannel strings, FileChannel index, int count) {
        this.strings = strings;
        this.index = index;
        this.count = count;
        java.util.Arrays.fill(cachedIndex, -1);
    }

    /** A table with no strings, for workbooks without the part. */
    static SharedStringsFile empty(Path folder) throws IOException {
        return write(folder, null, null, 0);
    }

    /** Streams the part into the folder's store. */
    static SharedStringsFile load(XlsxPackage pkg, String part, int maxChars) throws IOException {
        try (InputStream in = pkg.open(part); SafeXmlEvents events = SafeXmlEvents.of(in, part, "XLSX")) {
            return write(pkg.folder(), events, part, maxChars);
        }
    }

    private static SharedStringsFile write(Path folder, SafeXmlEvents events, String part, int maxChars)
            throws IOException {
        Path stringsPath = folder.resolve("shared-strings.bin");
        Path indexPath = folder.resolve("shared-strings.idx");
        int count = 0;
        try (DataOutputStream strings = out(stringsPath); DataOutputStream index = out(indexPath)) {
            XlsxText text = new XlsxText(events, maxChars);
            long offset = 0;
            while (events != null && text.nextItem("si")) {
                if (count == Integer.MAX_VALUE) {
                    throw new FileFault(422, "XLSX_MALFORMED", "part " + part + " has too many strings");
                }
                byte[] bytes = text.read().getBytes(StandardCharsets.UTF_8);
                index.writeLong(offset);
                strings.writeInt(bytes.length);
                strings.write(bytes);
                offset += 4L + bytes.length;
                count++;
            }
        }
        return new SharedStringsFile(FileChannel.open(stringsPath, StandardOpenOption.READ),
                FileChannel.open(indexPath, StandardOpenOption.READ), count);
    }

    private static DataOutputStream out(Path path) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 65536));
    }

    /** The string at a cell's index; an index outside the table is a fault naming the cell. */
    String get(int i, String cell) throws IOException {
        if (i < 0 || i >= count) {
            throw new FileFault(422, "XLSX_MALFORMED", "cell " + cell + " refers to shared string " + i
                    + " but the workbook has " + count);
        }
        int slot = i & (CACHE_SLOTS - 1);
        if (cachedIndex[slot] == i) {
            return cachedText[slot];
        }
        long offset = readAt(index, (long) i * 8, 8).getLong();
        int length = readAt(strings, offset, 4).getInt();
        String text = StandardCharsets.UTF_8.decode(readAt(strings, offset + 4, length)).toString();
        cachedIndex[slot] = i;
        cachedText[slot] = text;
        return text;
    }

    private ByteBuffer readAt(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = length <= 8 ? word.clear().limit(length) : ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("shared-strings store is truncated");
            }
        }
        return buffer.flip();
    }

    @Override
    public void close() throws IOException {
        try (strings; index) {
            // the files themselves go with the workbook's temporary folder
        }
    }
}
