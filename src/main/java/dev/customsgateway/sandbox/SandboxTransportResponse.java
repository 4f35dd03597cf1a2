package dev.customsgateway.sandbox;

import dev.customsgateway.core.SecureXml;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The exchange platform's transport response ({@code DxpRep}) the sandbox sends when
 * {@code gateway.sandbox.transport-responses} is on: in the terminal-node schema's namespace and element order
 * ({@code RecevierId} misspelt as the schema has it), answering the message by its guid in
 * {@code OriHead/CopMsgId}, as the gateway's DXP envelope sets it.
 */
final class SandboxTransportResponse {

    static final String DXP = "http://www.chinaport.gov.cn/dxp";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The sandbox's stand-ins for the declarant's and the e-port's DXP node ids (up to 16 characters). */
    private static final String DECLARANT_NODE = "DXPENTSANDBOX001";
    private static final String EPORT_NODE = "DXPEDCCEB0000002";

    private SandboxTransportResponse() {
    }

    static byte[] of(String guid, String messageType, String code, String info) {
        Document doc = SecureXml.newDocument();
        Element rep = doc.createElementNS(DXP, "DxpRep");
        rep.setAttribute("ver", "1.0");
        doc.appendChild(rep);
        add(rep, "RecevierId", DECLARANT_NODE);
        Element response = add(rep, "Response", null);
        add(response, "NodeId", "SANDBOX");
        add(response, "ResponseCode", code);
        add(response, "ResponseInfo", info.length() > 300 ? info.substring(0, 300) : info);
        add(response, "NoticeTime", LocalDate.now(CHINA).toString());
        Element head = add(response, "OriHead", null);
        add(head, "CopMsgId", guid);
        add(head, "SenderId", DECLARANT_NODE);
        add(add(head, "ReceiverIds", null), "ReceiverId", EPORT_NODE);
        add(head, "CreatTime", LocalDateTime.now(CHINA).withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        add(head, "MsgType", messageType + "Message");
        doc.setXmlStandalone(true);
        return SecureXml.serialize(doc);
    }

    private static Element add(Element parent, String name, String text) {
        Element e = parent.getOwnerDocument().createElementNS(DXP, name);
        if (text != null) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }
}
