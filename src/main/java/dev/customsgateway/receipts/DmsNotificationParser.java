package dev.customsgateway.receipts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads WCO DMS notifications (UK CDS style): a {@code MetaData} root with one or more {@code Response}s, each a
 * {@code FunctionCode} (01 DMSACC, 03 DMSREJ, 09 DMSCLE, ...), its issue time and the declaration it is about.
 * Real ones are in {@code urn:wco:datamodel:WCO:DocumentMetaData-DMS:2} / {@code urn:wco:datamodel:WCO:RES-DMS:2}
 * (date-times in {@code urn:wco:datamodel:WCO:Response_DS:DMS:2});
 * HMRC's published examples carry no namespace at all, so elements are matched by local name within either.
 * Each response is correlated by the conversation id the callback brought (as the message guid) or by the
 * declaration's LRN ({@code Declaration/FunctionalReferenceID}, DE 2/5, as the order number).
 */
final class DmsNotificationParser {

    static final String TYPE = "DMS";
    static final String METADATA = "urn:wco:datamodel:WCO:DocumentMetaData-DMS:2";
    static final String RES = "urn:wco:datamodel:WCO:RES-DMS:2";
    /** The data types' namespace: {@code IssueDateTime/DateTimeString} lives in it in real notifications. */
    static final String RES_DS = "urn:wco:datamodel:WCO:Response_DS:DMS:2";
    private static final Set<String> NAMESPACES = Set.of("", METADATA, RES, RES_DS);

    private DmsNotificationParser() {
    }

    /** Whether the root is a DMS notification ({@code MetaData} or a bare {@code Response}), with or without namespace. */
    static boolean accepts(Element root) {
        return ours(root) && ("MetaData".equals(root.getLocalName()) || "Response".equals(root.getLocalName()));
    }

    static List<ReceiptEntry> parse(Element root, String conversationId, ReceiptCodes codes) {
        List<Element> responses = "Response".equals(root.getLocalName()) ? List.of(root) : children(root, "Response");
        List<ReceiptEntry> entries = new ArrayList<>();
        for (Element response : responses) {
            String functionCode = text(response, "FunctionCode");
            Element declaration = first(response, "Declaration");
            String lrn = declaration == null ? null : text(declaration, "FunctionalReferenceID");
            if (functionCode == null || (lrn == null && conversationId == null)) {
                throw new IllegalArgumentException("DMS Response without FunctionCode, or without a declaration "
                        + "reference (Declaration/FunctionalReferenceID) or conversation id");
            }
            Element issued = first(response, "IssueDateTime");
            entries.add(new ReceiptEntry(TYPE, conversationId, lrn, codes.dmsName(functionCode),
                    returnTime(issued == null ? null : text(issued, "DateTimeString")), info(response, declaration)));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("DMS notification without any Response");
        }
        return entries;
    }

    /** The errors of a rejection (validation code, its description when given, and where), else the declaration's MRN and version. */
    private static String info(Element response, Element declaration) {
        List<String> parts = new ArrayList<>();
        for (Element error : children(response, "Error")) {
            StringBuilder at = new StringBuilder(String.valueOf(text(error, "ValidationCode")));
            if (text(error, "Description") != null) {
                at.append(" (").append(text(error, "Description")).append(')');
            }
            for (Element pointer : children(error, "Pointer")) {
                at.append(" at ").append(text(pointer, "DocumentSectionCode"));
                String tag = text(pointer, "TagID");
                at.append(tag == null ? "" : "/" + tag);
            }
            parts.add(at.toString());
        }
        if (declaration != null && text(declaration, "ID") != null) {
            parts.add("declaration " + text(declaration, "ID")
                    + (text(declaration, "VersionID") == null ? "" : " version " + text(declaration, "VersionID")));
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /** Format 304 ({@code yyyyMMddHHmmssZ}, UTC) as a receipt time, milliseconds zero. */
    private static String returnTime(String dateTime) {
        String digits = dateTime == null ? "" : dateTime.replaceAll("[^0-9]", "");
        if (digits.length() < 14) {
            throw new IllegalArgumentException("DMS Response without IssueDateTime (format 304): " + dateTime);
        }
        return digits.substring(0, 14) + "000";
    }

    private static boolean ours(Element e) {
        return NAMESPACES.contains(e.getNamespaceURI() == null ? "" : e.getNamespaceURI());
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && ours(e)) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element first(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String text(Element parent, String name) {
        Element e = first(parent, name);
        return e == null ? null : e.getTextContent().strip();
    }
}
