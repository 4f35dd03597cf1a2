package dev.customsgateway.intake.format;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;

/**
 * Reads OOXML text items: a shared string ({@code <si>}) or a cell's inline string ({@code <is>}), each plain
 * ({@code <t>}) or rich (several {@code <r><t>} runs, joined). Phonetic guides ({@code <rPh>}, furigana) are not
 * part of the text. OOXML writes control characters as {@code _xHHHH_}; they are decoded. A text is cut one
 * character past the limit, so memory stays bounded and the caller can still tell it was too long.
 */
final class XlsxText {

    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private final SafeXmlEvents events;
    private final int maxChars;

    XlsxText(SafeXmlEvents events, int maxChars) {
        this.events = events;
        this.maxChars = maxChars;
    }

    /** Advances to the next start tag with this local name; false at the end of the part. */
    boolean nextItem(String name) {
        for (int e = events.next(); e != XMLStreamConstants.END_DOCUMENT; e = events.next()) {
            if (e == XMLStreamConstants.START_ELEMENT && events.xml().getLocalName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Reads the item whose start tag is the current event, through its end tag. */
    String read() {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        int phoneticDepth = 0;
        boolean inText = false;
        while (depth > 0) {
            int e = events.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = events.xml().getLocalName();
                if (name.equals("rPh") && phoneticDepth == 0) {
                    phoneticDepth = depth;
                }
                inText = name.equals("t") && phoneticDepth == 0;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                if (depth == phoneticDepth) {
                    phoneticDepth = 0;
                }
                inText = false;
                depth--;
            } else if (inText && isText(e) && text.length() <= maxChars) {
                String chunk = events.text();
                text.append(chunk, 0, Math.min(chunk.length(), maxChars + 1 - text.length()));
            } else if (e == XMLStreamConstants.END_DOCUMENT) {
                // unreachable, as the parser reports an unclosed element first; kept so a parser change cannot loop
                throw new dev.customsgateway.core.FileFault(422, "XLSX_MALFORMED", "a text ends with its part");
            }
        }
        return decode(text);
    }

    private static String decode(CharSequence text) {
        if (text.toString().indexOf("_x") < 0) {
            return text.toString();
        }
        Matcher m = ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }

    static boolean isText(int event) {
        return event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                || event == XMLStreamConstants.SPACE;
    }
}
