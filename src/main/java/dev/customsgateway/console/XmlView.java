package dev.customsgateway.console;

import dev.customsgateway.core.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Turns artefact bytes into readable text for a page: XML pretty-printed (parsed through {@link SecureXml}, so no
 * DOCTYPE or entity is ever expanded), other UTF-8 text as it is, anything else as a note. The page escapes the
 * result; the bytes themselves stay available unchanged as a download.
 */
final class XmlView {

    static final int MAX_SHOWN = 2 * 1024 * 1024;

    private XmlView() {
    }

    /** Whether the bytes are XML (so they are shown pretty-printed). */
    static String readable(byte[] bytes) {
        if (bytes.length > MAX_SHOWN) {
            return "(" + bytes.length + " bytes: too large to show here; download it)";
        }
        String pretty = prettyXml(bytes);
        if (pretty != null) {
            return pretty;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return "(" + bytes.length + " bytes of binary or non-UTF-8 content; download it to read it)";
        }
    }

    static boolean looksLikeXml(byte[] bytes) {
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < bytes.length && Character.isWhitespace(bytes[i])) {
            i++;
        }
        return i < bytes.length && bytes[i] == '<';
    }

    private static String prettyXml(byte[] bytes) {
        if (!looksLikeXml(bytes)) {
            return null;
        }
        try {
            Document document = SecureXml.parse(new ByteArrayInputStream(bytes));
            dropWhitespace(document.getDocumentElement());
            Transformer transformer = SecureXml.transformerFactory().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            return null; // not well-formed (or refused, e.g. a DOCTYPE): shown as text
        }
    }

    private static void dropWhitespace(Node node) {
        NodeList children = node.getChildNodes();
        for (int i = children.getLength() - 1; i >= 0; i--) {
            Node child = children.item(i);
            if (child.getNodeType() == Node.TEXT_NODE && child.getTextContent().isBlank()) {
                node.removeChild(child);
            } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                dropWhitespace(child);
            }
        }
    }
}
