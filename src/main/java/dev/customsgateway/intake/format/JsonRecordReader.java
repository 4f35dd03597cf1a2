package dev.customsgateway.intake.format;

import dev.customsgateway.core.FileFault;
import dev.customsgateway.core.SourceRecord;
import dev.customsgateway.core.SourceSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads merchant orders in JSON, streaming with Jackson's token parser: either a top-level array of order objects
 * (a WooCommerce-style export) or, for NDJSON, one order object per line. Each order becomes a
 * {@link SourceRecord} whose values are its scalar fields by dotted path and whose children are the elements of the
 * profile's lines array (see {@link JsonRecordFlattener}). Malformed JSON, a record that is not an object, nesting
 * deeper than the limit, an over-long value or record and too many records are {@link FileFault}s naming the line.
 *
 * <p>Text is decoded strictly by {@link TextDecoding} (UTF-8 unless the profile says otherwise).
 */
final class JsonRecordReader implements RecordReader {

    private final JsonParser parser;
    private final boolean ndjson;
    private final SourceSettings.Limits limits;
    private final JsonRecordFlattener flattener;
    private boolean started;
    private boolean pending;
    private boolean finished;
    private long count;
    private int lastEndLine;

    JsonRecordReader(InputStream in, SourceSettings settings) throws IOException {
        this.limits = settings.limits();
        this.ndjson = settings.format() == SourceSettings.SourceFormat.NDJSON;
        String encoding = settings.encoding() == null ? "UTF-8" : settings.encoding();
        // In NDJSON a line is a record, so the line limit applies as written. A JSON array export is often one
        // minified line of many megabytes, so there the same number bounds each record instead (see the flattener).
        Reader reader = TextDecoding.reader(in, encoding, ndjson ? limits.maxLineChars() : Integer.MAX_VALUE);
        this.parser = factory(limits).createParser(ObjectReadContext.empty(), reader);
        this.flattener = new JsonRecordFlattener(parser, limits, settings.linesPath());
    }

    private static JsonFactory factory(SourceSettings.Limits limits) {
        // Jackson's own constraints bound memory while a token is read; our flattener checks the same limits with
        // the record and field in the message, and its depth counter fires one level before Jackson's.
        return JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth() + 1)
                        .maxStringLength(limits.maxFieldChars())
                        .maxNameLength(limits.maxFieldChars())
                        .maxNumberLength(Math.min(limits.maxFieldChars(), 1000))
                        .build())
                .build();
    }

    @Override
    public boolean hasNext() {
        if (!finished && !pending) {
            pending = guarded(this::advanceToRecord);
            finished = !pending;
        }
        return pending;
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        pending = false;
        if (++count > limits.maxRecords()) {
            throw new FileFault(413, "TOO_MANY_RECORDS", "the file has more than " + limits.maxRecords() + " records");
        }
        int line = parser.currentTokenLocation().getLineNr();
        int row = ndjson ? line : Math.toIntExact(count);
        String location = "record " + count + " (line " + line + ")";
        SourceRecord record = guarded(() -> flattener.read(row, location, ndjson ? 1 : 2));
        lastEndLine = parser.currentLocation().getLineNr();
        return record;
    }

    /** Moves to the start of the next record; false at the end of the file. */
    private boolean advanceToRecord() {
        JsonToken token = parser.nextToken();
        if (!started) {
            started = true;
            if (token == null) {
                throw new FileFault(422, "FILE_EMPTY", "the file is empty: it has no JSON");
            }
            if (!ndjson) {
                if (token != JsonToken.START_ARRAY) {
                    throw new FileFault(422, "JSON_NOT_ARRAY", "the file must be a JSON array of orders, but line "
                            + line() + " starts " + describe(token) + " (one order per line is NDJSON)");
                }
                token = parser.nextToken();
            }
        }
        if (ndjson ? token == null : token == JsonToken.END_ARRAY) {
            if (!ndjson && parser.nextToken() != null) {
                throw new FileFault(422, "JSON_TRAILING_CONTENT", "line " + line()
                        + ": more JSON after the end of the array of orders");
            }
            return false;
        }
        if (token != JsonToken.START_OBJECT) {
            throw new FileFault(422, "JSON_RECORD_NOT_OBJECT", "record " + (count + 1) + " (line " + line() + ") is "
                    + describe(token) + ", not an order object");
        }
        if (ndjson && count > 0 && line() == lastEndLine) {
            throw new FileFault(422, "NDJSON_NOT_ONE_PER_LINE", "line " + line()
                    + " holds more than one record: NDJSON needs one object per line");
        }
        return true;
    }

    private int line() {
        return parser.currentTokenLocation().getLineNr();
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "'" + token.asString() + "'";
        };
    }

    /** Runs a parsing step, turning Jackson's exceptions into file faults that name the line. */
    private <T> T guarded(Supplier<T> step) {
        try {
            return step.get();
        } catch (StreamConstraintsException e) {
            // a name or number over Jackson's limit; string values are caught by the flattener, naming the field
            throw new FileFault(422, "FIELD_TOO_LONG", "line " + parser.currentLocation().getLineNr()
                    + ": a name or value longer than the limit (" + e.getOriginalMessage() + ")");
        } catch (JacksonIOException e) {
            // the source stream failed (disk, network): not a fault of the merchant's file
            throw new UncheckedIOException(e.getCause());
        } catch (JacksonException e) {
            throw new FileFault(422, "JSON_MALFORMED", "the file is not valid JSON: " + where(e) + ": "
                    + e.getOriginalMessage());
        }
    }

    private static String where(JacksonException e) {
        return e.getLocation() == null ? "at an unknown place"
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
