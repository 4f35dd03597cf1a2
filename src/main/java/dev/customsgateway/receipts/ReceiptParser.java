package dev.customsgateway.receipts;

import dev.customsgateway.core.SecureXml;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Parses receipts: CEB receipts (CEB312, 412, 512, 622, 304, 506, 604, 900 and the rest of the family): namespace-aware,
 * so the official samples' default namespace and a {@code ceb:} prefix read alike; every child whose name ends
 * in {@code Return} is one entry. Through {@link SecureXml}: a DOCTYPE is refused.
 */
final class ReceiptParser {

    static final String CEB = "http://www.chinaport.gov.cn/ceb";

    private ReceiptParser() {
    }

    static List<ReceiptEntry> parse(byte[] receipt) {
        return parse(receipt, null, new ReceiptCodes());
    }

    /**
     * Any receipt the gateway knows: a CEB receipt, the exchange platform's {@code DxpRep}
     * ({@link DxpResponseParser}) or a WCO DMS notification ({@link DmsNotificationParser}, correlated by the
     * conversation id when the callback brought one).
     */
    static List<ReceiptEntry> parse(byte[] receipt, String conversationId, ReceiptCodes codes) {
        Document document;
        try {
            document = SecureXml.parse(new ByteArrayInputStream(receipt));
        } catch (Exception e) {
            throw new IllegalArgumentException("the receipt is not well-formed XML without DOCTYPE");
        }
        Element root = document.getDocumentElement();
        String name = root.getLocalName();
        if (DxpEnvelope.DXP.equals(root.getNamespaceURI()) && "DxpRep".equals(name)) {
            return DxpResponseParser.parse(root);
        }
        if (DmsNotificationParser.accepts(root)) {
            return DmsNotificationParser.parse(root, conversationId, codes);
        }
        if (!CEB.equals(root.getNamespaceURI()) || name == null || !name.matches("CEB\\d{3}Message")) {
            throw new IllegalArgumentException("not a CEB receipt, DxpRep or WCO DMS notification: " + name);
        }
        String type = name.substring(0, 6);
        List<ReceiptEntry> entries = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && CEB.equals(e.getNamespaceURI()) && e.getLocalName().endsWith("Return")) {
                entries.add(new ReceiptEntry(type, child(e, "guid"), firstOf(e, "orderNo", "copNo", "logisticsNo"),
                        child(e, "returnStatus"), child(e, "returnTime"), child(e, "returnInfo")));
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(type + " receipt without any return entry");
        }
        return entries;
    }

    private static String firstOf(Element e, String... names) {
        for (String name : names) {
            String value = child(e, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }
}
