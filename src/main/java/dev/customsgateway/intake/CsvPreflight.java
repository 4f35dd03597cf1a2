package dev.customsgateway.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.springframework.stereotype.Component;

/**
 * Checks a stored upload as a whole before it is accepted: it must decode as UTF-8 (a BOM is allowed), contain
 * no NUL character (a binary file is not CSV) and have a header naming every required column once. Streams the
 * file once with fixed buffers and reports the exact line of the first undecodable byte.
 */
@Component
class CsvPreflight {

    private static final int MAX_HEADER_CHARS = 65536;

    void check(InputStream upload) throws IOException, FileProblem {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(16384);
        CharBuffer out = CharBuffer.allocate(16384);
        Scan scan = new Scan();
        boolean end = false;
        while (!end) {
            int n = upload.read(in.array(), in.arrayOffset() + in.position(), in.remaining());
            end = n == -1;
            if (!end) {
                in.position(in.position() + n);
            }
            in.flip();
            CoderResult result = decoder.decode(in, out, end);
            if (end && !result.isError()) {
                result = decoder.flush(out);
            }
            out.flip();
            scan.chars(out);
            out.clear();
            if (result.isError()) {
                throw new FileProblem(400, "FILE_NOT_UTF8",
                        "the file is not valid UTF-8: undecodable bytes on line " + scan.line);
            }
            in.compact();
        }
        requireColumns(headerOf(scan.header.toString()));
    }

    /** Counts lines, keeps the first one, and refuses NUL characters. */
    private static final class Scan {
        long line = 1;
        final StringBuilder header = new StringBuilder();

        void chars(CharBuffer chars) throws FileProblem {
            while (chars.hasRemaining()) {
                char c = chars.get();
                if (c == '\0') {
                    throw new FileProblem(400, "FILE_NOT_TEXT",
                            "the file is not CSV text: it contains a NUL character on line " + line);
                }
                if (c == '\n') {
                    line++;
                } else if (line == 1 && header.length() < MAX_HEADER_CHARS) {
                    header.append(c);
                }
            }
        }
    }

    private static List<String> headerOf(String firstLine) throws FileProblem {
        String text = firstLine.startsWith("\uFEFF") ? firstLine.substring(1) : firstLine;
        if (text.isBlank()) {
            throw new FileProblem(422, "CSV_NO_HEADER", "the file is empty or its first line is blank");
        }
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
            List<String> names = new ArrayList<>();
            parser.iterator().next().forEach(name -> names.add(name.trim()));
            return names;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new FileProblem(422, "CSV_BAD_HEADER", "the header line is not valid CSV: " + e.getMessage());
        }
    }

    private static void requireColumns(List<String> header) throws FileProblem {
        Set<String> present = new HashSet<>();
        for (String name : header) {
            if (!name.isEmpty() && !present.add(name)) {
                throw new FileProblem(422, "CSV_DUPLICATE_COLUMN", "the header names column " + name + " twice");
            }
        }
        List<String> missing = CsvColumns.REQUIRED.stream().filter(c -> !present.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new FileProblem(422, "CSV_MISSING_COLUMNS",
                    "the header lacks required column(s): " + String.join(", ", missing));
        }
    }
}
