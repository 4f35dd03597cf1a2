package dev.customsgateway.receipts;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the e-port exchange platform's transport response ({@code DxpRep}, namespace
 * {@code http://www.chinaport.gov.cn/dxp}, terminal-node XSD; notes 1.8): one entry per {@code Response}, answering
 * the message whose guid the gateway sent as {@code OriHead/CopMsgId} (see the delivery's DXP envelope). The
 * status is the {@code ResponseCode}; {@code NoticeTime} is a date, so the entry sorts at the start of that day,
 * before customs' own receipts. Namespace-aware: a prefixed and a default-namespace response read alike.
 */
final class DxpResponseParser {

    static final String TYPE = "DxpRep";

    private DxpResponseParser() {
    }

    static List<ReceiptEntry> parse(Element root) {
        List<ReceiptEntry> entries = new ArrayList<>();
        for (Element response : children(root, "Response")) {
            Element head = children(response, "OriHead").stream().findFirst().orElse(null);
            String guid = head == null ? null : text(head, "CopMsgId");
            String code = text(response, "ResponseCode");
            if (guid == null || code == null) {
                throw new IllegalArgumentException("DxpRep Response without OriHead/CopMsgId or ResponseCode");
            }
            entries.add(new ReceiptEntry(TYPE, guid, null, code, returnTime(text(response, "NoticeTime")),
                    info(response)));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("DxpRep without any Response");
        }
        return entries;
    }

    /** ResponseInfo, then each receiver's result ({@code RecId: Code Info}), then the Note. */
    private static String info(Element response) {
        StringBuilder info = new StringBuilder(orEmpty(text(response, "ResponseInfo")));
        for (Element results : children(response, "Results")) {
            for (Element result : children(results, "Result")) {
                append(info, text(result, "RecId") + ": " + text(result, "Code")
                        + (text(result, "Info") == null ? "" : " " + text(result, "Info")));
            }
        }
        append(info, text(response, "Note"));
        return info.isEmpty() ? null : info.toString();
    }

    /** {@code xs:date} (2026-11-29, perhaps with a zone) as a receipt time: yyyyMMdd then zeros. */
    private static String returnTime(String date) {
        String digits = date == null ? "" : date.replaceAll("[^0-9]", "");
        if (digits.length() < 8) {
            throw new IllegalArgumentException("DxpRep NoticeTime is not a date: " + date);
        }
        return digits.substring(0, 8) + "000000000";
    }

    private static void append(StringBuilder info, String part) {
        if (part != null && !part.isBlank()) {
            info.append(info.isEmpty() ? "" : "; ").append(part);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())
                    && DxpEnvelope.DXP.equals(e.getNamespaceURI())) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().strip();
    }
}
