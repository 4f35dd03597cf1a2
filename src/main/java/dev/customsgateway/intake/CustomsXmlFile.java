package dev.customsgateway.intake;

import dev.customsgateway.core.CebRecords;
import dev.customsgateway.core.FileFault;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.core.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * A ready customs message a merchant sends as it is (passthrough): read securely (no DOCTYPE, no entities), and
 * accepted only if it is a CEB message of the family the merchant declares.
 */
final class CustomsXmlFile {

    static final String CEB = "http://www.chinaport.gov.cn/ceb";

    private CustomsXmlFile() {
    }

    static Document read(InputStream in, Merchant merchant) throws IOException {
        Document document;
        try {
            document = SecureXml.parse(in);
        } catch (SAXException e) {
            throw new FileFault(400, "CUSTOMS_XML_MALFORMED", "the file is not well-formed XML without DOCTYPE: "
                    + e.getMessage());
        }
        Element root = document.getDocumentElement();
        String expected = merchant.family().name() + "Message";
        if (!CEB.equals(root.getNamespaceURI()) || !expected.equals(root.getLocalName())) {
            throw new FileFault(422, "CUSTOMS_XML_WRONG_MESSAGE", "expected a " + expected + " in namespace " + CEB
                    + " (the message this merchant declares), found " + root.getLocalName());
        }
        if (root.getAttribute("guid").length() != 36) {
            throw new FileFault(422, "CUSTOMS_XML_GUID", "the message's guid attribute must have 36 characters");
        }
        return document;
    }

    /** The order (or waybill, payment...) number of the message's first business record. */
    static String orderNo(Document document) {
        return CebRecords.of(document).stream().map(CebRecords.Record::number).filter(n -> n != null && !n.isEmpty())
                .findFirst().orElse(document.getDocumentElement().getAttribute("guid"));
    }
}
