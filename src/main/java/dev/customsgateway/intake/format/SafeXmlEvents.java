package dev.customsgateway.intake.format;

import dev.customsgateway.core.FileFault;
import dev.customsgateway.core.SecureXml;
import java.io.Closeable;
import java.io.InputStream;
import java.io.Reader;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Pulls StAX events from untrusted XML (merchant XML, the parts of an XLSX workbook) made by
 * {@link SecureXml#xmlInputFactory()}. A DOCTYPE or an entity reference is refused as soon as it appears, before
 * anything could be expanded, and every parser error becomes a {@link FileFault} naming the part and line, never a
 * parser exception.
 */
final class SafeXmlEvents implements Closeable {

    private final XMLStreamReader xml;
    private final String part;
    private final String codePrefix;

    private SafeXmlEvents(XMLStreamReader xml, String part, String codePrefix) {
        this.xml = xml;
        this.part = part;
        this.codePrefix = codePrefix;
    }

    /** Events of decoded merchant XML; faults say "the file" and use the {@code XML_} codes. */
    static SafeXmlEvents of(Reader reader) {
        return open(() -> SecureXml.xmlInputFactory().createXMLStreamReader(reader), "the file", "XML");
    }

    /** Events of one part of a zip package (the parser reads the XML declaration for the encoding). */
    static SafeXmlEvents of(InputStream in, String part, String codePrefix) {
        return open(() -> SecureXml.xmlInputFactory().createXMLStreamReader(in), "part " + part, codePrefix);
    }

    private interface Opener {
        XMLStreamReader open() throws XMLStreamException;
    }

    private static SafeXmlEvents open(Opener opener, String part, String codePrefix) {
        try {
            return new SafeXmlEvents(opener.open(), part, codePrefix);
        } catch (XMLStreamException e) {
            throw malformed(e, part, codePrefix);
        }
    }

    /** The next event; DOCTYPE and entity references are faults. */
    int next() {
        int event;
        try {
            event = xml.next();
        } catch (XMLStreamException e) {
            throw malformed(e, part, codePrefix);
        } catch (RuntimeException e) {
            // Woodstox parses lazily and reports some errors later, wrapped in a runtime exception
            if (e.getCause() instanceof XMLStreamException cause) {
                throw malformed(cause, part, codePrefix);
            }
            throw e;
        }
        if (event == XMLStreamConstants.DTD) {
            throw new FileFault(422, codePrefix + "_DOCTYPE", part + " has a DOCTYPE at line " + line()
                    + ": document type declarations (and the entities they declare) are not accepted");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new FileFault(422, codePrefix + "_ENTITY", part + " refers to entity '" + xml.getLocalName()
                    + "' at line " + line() + ": only the predefined XML entities are accepted");
        }
        return event;
    }

    /** The text of the current text event, turning late (lazy) parser errors into faults too. */
    String text() {
        try {
            return xml.getText();
        } catch (RuntimeException e) {
            if (e.getCause() instanceof XMLStreamException cause) {
                throw malformed(cause, part, codePrefix);
            }
            throw e;
        }
    }

    XMLStreamReader xml() {
        return xml;
    }

    int line() {
        Location location = xml.getLocation();
        return location == null ? -1 : location.getLineNumber();
    }

    private static FileFault malformed(XMLStreamException e, String part, String codePrefix) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("\n at [");
        message = at > 0 ? message.substring(0, at) : message;
        int jdk = message.indexOf("Message: ");
        message = jdk >= 0 ? message.substring(jdk + 9) : message;
        Location where = e.getLocation();
        String line = where == null ? "" : " at line " + where.getLineNumber() + ", column " + where.getColumnNumber();
        return new FileFault(422, codePrefix + "_MALFORMED", part + " is not well-formed XML" + line + ": "
                + message.strip());
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // closing a reader frees the parser only; the underlying stream is closed by its owner
        }
    }
}
