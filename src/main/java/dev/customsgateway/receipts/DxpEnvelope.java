package dev.customsgateway.receipts;

import dev.customsgateway.core.SecureXml;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The DXP transport envelope of the e-port's terminal node ({@code DxpMsg}, namespace
 * {@code http://www.chinaport.gov.cn/dxp}; notes 1.8): its {@code Data} element carries the CEB message in
 * Base64. Receipts that come through the transfer client may arrive wrapped in it; anything else is returned
 * as it is.
 */
final class DxpEnvelope {

    static final String DXP = "http://www.chinaport.gov.cn/dxp";

    private DxpEnvelope() {
    }

    /** The CEB message inside a {@code DxpMsg}, or the bytes themselves when they are not one. */
    static byte[] unwrap(byte[] bytes) {
        Element root;
        try {
            root = SecureXml.parse(new ByteArrayInputStream(bytes)).getDocumentElement();
        } catch (Exception e) {
            return bytes; // the receipt parser reports what is wrong with it
        }
        if (!DXP.equals(root.getNamespaceURI()) || !"DxpMsg".equals(root.getLocalName())) {
            return bytes;
        }
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "Data".equals(e.getLocalName()) && DXP.equals(e.getNamespaceURI())) {
                try {
                    return Base64.getMimeDecoder().decode(e.getTextContent().strip());
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException("DxpMsg Data is not Base64");
                }
            }
        }
        throw new IllegalArgumentException("DxpMsg without Data");
    }
}
