package dev.customsgateway.core;

import java.util.List;

/**
 * How to read a merchant's files: the part of a mapping profile that intake needs. Built by mapping from the
 * merchant's profile and handed to intake's format readers by the routes.
 *
 * @param format          the file format
 * @param encoding        character set for text formats ({@code UTF-8}, {@code GBK}, {@code GB18030}), or
 *                        {@code AUTO} to detect UTF-8 (with or without BOM) and fall back to GB18030
 * @param delimiter       CSV field separator
 * @param sheet           XLSX sheet name; null for the first sheet
 * @param recordPath      XML: absolute element path of one order record, e.g. {@code /export/orders/order};
 *                        JSON: ignored (the top-level array or one object per line)
 * @param linesPath       JSON/XML: path of the line items inside a record, e.g. {@code items/item}
 * @param requiredFields  source fields that must exist (header columns for CSV/XLSX)
 * @param limits          size limits for this merchant's files
 */
public record SourceSettings(
        SourceFormat format,
        String encoding,
        char delimiter,
        String sheet,
        String recordPath,
        String linesPath,
        List<String> requiredFields,
        Limits limits) {

    public SourceSettings {
        requiredFields = List.copyOf(requiredFields);
    }

    /** The file formats merchants send. */
    public enum SourceFormat {
        CSV, JSON, NDJSON, XML, XLSX,
        /** A ready customs message (CEB XML), declared as it is: passthrough. */
        CUSTOMS_XML
    }

    /**
     * Limits whose breach is a clear error, never a crash.
     *
     * @param maxRecords      records (rows, orders) per file
     * @param maxLineChars    characters in one line of a text format
     * @param maxFieldChars   characters in one field value
     * @param maxDepth        nesting depth of JSON or XML
     * @param maxUnzippedBytes XLSX: total uncompressed size of the parts read (zip bombs)
     */
    public record Limits(long maxRecords, int maxLineChars, int maxFieldChars, int maxDepth, long maxUnzippedBytes) {
        public static final Limits DEFAULT = new Limits(5_000_000, 1_000_000, 10_000, 64, 2L << 30);
    }
}
