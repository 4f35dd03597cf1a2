package dev.customsgateway.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The business records of a ready CEB message (its orders, payments, waybills, inventory lists...): the children of
 * the message element other than its transfer, subscription, signature and extension parts, each identified by the
 * number in its head. Read record by record, not by searching the document: {@code ExtendMessage} may hold any
 * element unchecked by the schema, an {@code orderNo} included.
 */
public final class CebRecords {

    private static final String CEB = "http://www.chinaport.gov.cn/ceb";
    private static final Set<String> NOT_RECORDS = Set.of("BaseTransfer", "BaseSubscribe", "ExtendMessage",
            "Signature");
    /** The number that identifies a record, in the order the message families use it. */
    private static final String[] NUMBERS = {"orderNo", "logisticsNo", "copNo"};

    /**
     * One record: its place in the message (from 1), the element that holds its number, the number (null when its
     * head has none) and its declaration type ({@code appType} of its head).
     */
    public record Record(int row, String element, String number, String appType) {
    }

    private CebRecords() {
    }

    /** The message's records, in document order. */
    public static List<Record> of(Document message) {
        List<Record> records = new ArrayList<>();
        int row = 0;
        for (Element record : children(message.getDocumentElement())) {
            if (NOT_RECORDS.contains(record.getLocalName())) {
                continue;
            }
            row++;
            Element head = children(record).stream().filter(e -> e.getLocalName().endsWith("Head")).findFirst()
                    .orElse(record);
            String element = NUMBERS[0];
            String number = null;
            for (String name : NUMBERS) {
                String value = child(head, name);
                if (value != null) {
                    element = name;
                    number = value;
                    break;
                }
            }
            records.add(new Record(row, element, number, child(head, "appType")));
        }
        return records;
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                elements.add(e);
            }
        }
        return elements;
    }

    private static String child(Element parent, String name) {
        for (Element e : children(parent)) {
            if (CEB.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }
}
