package dev.customsgateway.intake.format;

import dev.customsgateway.core.FileFault;
import dev.customsgateway.core.SourceRecord;
import dev.customsgateway.core.SourceSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Turns one JSON order object, token by token, into a {@link SourceRecord}: scalar fields by their path joined with
 * {@code .} ({@code billing.first_name}), numbers and booleans as their literal text, nulls left out; each object of
 * the lines array ({@code linesPath}, e.g. {@code line_items}) becomes a child record named the same way. Other
 * arrays are skipped. Nesting depth, value length and the characters of a record are checked here, so the fault can
 * name the record and field.
 */
final class JsonRecordFlattener {

    private final JsonParser parser;
    private final SourceSettings.Limits limits;
    private final String linesPath;
    private String location;
    private long recordStart;

    JsonRecordFlattener(JsonParser parser, SourceSettings.Limits limits, String linesPath) {
        this.parser = parser;
        this.limits = limits;
        this.linesPath = linesPath == null || linesPath.isBlank() ? null : linesPath.trim();
    }

    /** Reads the record whose {@code START_OBJECT} is the parser's current token, at the given nesting depth. */
    SourceRecord read(int row, String location, int depth) {
        this.location = location;
        this.recordStart = parser.currentTokenLocation().getCharOffset();
        checkDepth(depth);
        Map<String, String> values = new LinkedHashMap<>();
        List<SourceRecord> children = new ArrayList<>();
        readObject("", depth, values, children);
        return new SourceRecord(row, location, values, children, Map.of());
    }

    private void readObject(String prefix, int depth, Map<String, String> values, List<SourceRecord> children) {
        for (JsonToken token = nextToken(); token != JsonToken.END_OBJECT; token = nextToken()) {
            String path = prefix + parser.currentName();
            JsonToken value = nextToken();
            if (value == JsonToken.START_OBJECT) {
                checkDepth(depth + 1);
                readObject(path + ".", depth + 1, values, children);
            } else if (value == JsonToken.START_ARRAY) {
                checkDepth(depth + 1);
                if (children != null && path.equals(linesPath)) {
                    readLines(path, depth + 1, children);
                } else {
                    skipArray(depth + 1);
                }
            } else if (value != JsonToken.VALUE_NULL) {
                values.put(path, scalar(path));
            }
        }
    }

    private void readLines(String path, int depth, List<SourceRecord> children) {
        for (JsonToken token = nextToken(); token != JsonToken.END_ARRAY; token = nextToken()) {
            int item = children.size() + 1;
            String where = location + ", " + path + " item " + item + " (line "
                    + parser.currentTokenLocation().getLineNr() + ")";
            if (token != JsonToken.START_OBJECT) {
                throw new FileFault(422, "JSON_LINE_NOT_OBJECT", where + " is not an object");
            }
            checkDepth(depth + 1);
            Map<String, String> values = new LinkedHashMap<>();
            // a line item's own arrays are not line items: children == null skips them
            readObject("", depth + 1, values, null);
            children.add(new SourceRecord(item, where, values, List.of(), Map.of()));
        }
    }

    /** Skips an array the profile does not use, still counting depth so a deep bomb inside it is refused. */
    private void skipArray(int depth) {
        int level = depth;
        while (level >= depth) {
            JsonToken token = nextToken();
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                checkDepth(++level);
            } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                level--;
            }
        }
    }

    private String scalar(String path) {
        String text;
        try {
            text = parser.getString();
        } catch (StreamConstraintsException e) {
            // Jackson reads a string lazily, here, and stops at its length limit before holding it whole
            text = null;
        }
        if (text == null || text.length() > limits.maxFieldChars()) {
            throw new FileFault(422, "FIELD_TOO_LONG", location + ", field " + path
                    + ": a value longer than the limit of " + limits.maxFieldChars() + " characters");
        }
        return text;
    }

    private JsonToken nextToken() {
        JsonToken token = parser.nextToken();
        if (token == null) {
            // Jackson reports an unclosed object itself; this guards the end of input between tokens
            throw new FileFault(422, "JSON_MALFORMED", "the file is not valid JSON: it ends inside " + location);
        }
        // one record must fit the line limit even when the whole array is one minified line
        if (parser.currentLocation().getCharOffset() - recordStart > limits.maxLineChars()) {
            throw new FileFault(422, "RECORD_TOO_LONG", location + " is longer than the limit of "
                    + limits.maxLineChars() + " characters");
        }
        return token;
    }

    private void checkDepth(int depth) {
        if (depth > limits.maxDepth()) {
            throw new FileFault(422, "JSON_TOO_DEEP", location + ": nesting deeper than the limit of "
                    + limits.maxDepth() + " levels at line " + parser.currentTokenLocation().getLineNr());
        }
    }
}
