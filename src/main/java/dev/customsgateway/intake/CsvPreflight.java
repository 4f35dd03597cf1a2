package dev.customsgateway.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.springframework.stereotype.Component;

/**
 * Checks a stored upload as a whole before it is accepted: it must decode as UTF-8 (a BOM is allowed), contain
 * no NUL bytes (a binary file is not CSV) and have a header with every required column. Streams the file once;
 * nothing is held in memory but one buffer.
 */
@Component
class CsvPreflight {

    void check(InputStream upload) throws IOException, FileProblem {
        List<String> header = null;
        long line = 1;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(upload,
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            char[] buffer = new char[8192];
            StringBuilder firstLine = new StringBuilder();
            int n;
            while ((n = read(reader, buffer, line)) != -1) {
                for (int i = 0; i < n; i++) {
                    char c = buffer[i];
                    if (c == '\0') {
                        throw new FileProblem(400, "FILE_NOT_TEXT",
                                "the file is not CSV text: it contains a NUL byte on line " + line);
                    }
                    if (c == '\n') {
                        line++;
                    } else if (line == 1 && firstLine.length() < 65536) {
                        firstLine.append(c);
                    }
                }
            }
            header = headerOf(firstLine.toString());
        }
        requireColumns(header);
    }

    private static int read(BufferedReader reader, char[] buffer, long line) throws IOException, FileProblem {
        try {
            return reader.read(buffer);
        } catch (CharacterCodingException e) {
            throw new FileProblem(400, "FILE_NOT_UTF8",
                    "the file is not valid UTF-8: undecodable bytes on or after line " + line);
        }
    }

    private static List<String> headerOf(String firstLine) throws IOException, FileProblem {
        String text = firstLine.startsWith("\uFEFF") ? firstLine.substring(1) : firstLine;
        if (text.isBlank()) {
            throw new FileProblem(422, "CSV_NO_HEADER", "the file is empty or its first line is blank");
        }
        try (CSVParser parser = CSVFormat.RFC4180.parse(new java.io.StringReader(text))) {
            List<String> names = new ArrayList<>();
            parser.iterator().next().forEach(name -> names.add(name.trim()));
            return names;
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new FileProblem(422, "CSV_BAD_HEADER", "the header line is not valid CSV: " + e.getMessage());
        }
    }

    private static void requireColumns(List<String> header) throws FileProblem {
        Set<String> present = new java.util.HashSet<>();
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
