package dev.customsgateway.customs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A business record of a ready CEB message other than an import order (a payment, a waybill, an inventory list...),
 * as the declared-once rule sees it: its number, the element that holds it, its declaration type ({@code appType}
 * of its head) and its place in the message.
 */
record BusinessRecord(int row, String element, String number, String appType) {

    private static final String CEB = "http://www.chinaport.gov.cn/ceb";
    /** The number that identifies a record, in the order the message families use it. */
    private static final String[] NUMBERS = {"orderNo", "logisticsNo", "copNo"};

    /** The message's records in order-number order, the order their numbers are locked in. */
    static List<BusinessRecord> of(Document message) {
        List<BusinessRecord> records = new ArrayList<>();
        for (String element : NUMBERS) {
            NodeList numbers = message.getElementsByTagNameNS(CEB, element);
            for (int i = 0; i < numbers.getLength(); i++) {
                Node number = numbers.item(i);
                records.add(new BusinessRecord(i + 1, element, number.getTextContent().strip(),
                        appType(number.getParentNode())));
            }
            if (!records.isEmpty()) {
                break;
            }
        }
        records.sort(Comparator.comparing(BusinessRecord::number));
        return records;
    }

    private static String appType(Node head) {
        for (Node child = head.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && CEB.equals(e.getNamespaceURI()) && "appType".equals(e.getLocalName())) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }
}
