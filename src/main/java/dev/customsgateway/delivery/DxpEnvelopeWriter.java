package dev.customsgateway.delivery;

import dev.customsgateway.core.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Wraps a signed CEB message in the DXP terminal-node envelope for the e-port's transfer client (notes 1.8):
 * {@code DxpMsg ver="1.0" { TransInfo { CopMsgId, SenderId, ReceiverIds { ReceiverId }, CreatTime, MsgType },
 * Data }} with the message Base64-encoded in {@code Data}; the envelope is checked against the official
 * terminal-node schema ({@code schemas/china-ceb/202205/dxp-terminal-202205.xsd}) before it is written. Used by
 * {@link FolderTransport} for destinations with {@code envelope.kind: DXP}.
 */
@Component
class DxpEnvelopeWriter {

    static final String DXP = "http://www.chinaport.gov.cn/dxp";
    private static final String XSD = "schemas/china-ceb/202205/dxp-terminal-202205.xsd";
    private static final DateTimeFormatter CREAT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final Schema schema;
    private final Clock clock;

    DxpEnvelopeWriter(Clock clock) throws IOException, SAXException {
        this.clock = clock;
        try (InputStream xsd = new ClassPathResource(XSD).getInputStream()) {
            this.schema = SecureXml.schemaFactory(XSD.substring(0, XSD.lastIndexOf('/')))
                    .newSchema(new StreamSource(xsd, "classpath:" + XSD));
        }
    }

    /** The envelope's bytes; {@link IllegalArgumentException} when it would not be schema-valid. */
    byte[] wrap(OutboxItem item, DeliveryProperties.Envelope envelope, byte[] message) {
        Document doc = SecureXml.newDocument();
        Element root = doc.createElementNS(DXP, "dxp:DxpMsg");
        root.setAttribute("ver", "1.0");
        doc.appendChild(root);
        Element info = add(root, "TransInfo", null);
        add(info, "CopMsgId", item.guid());
        add(info, "SenderId", envelope.senderId());
        add(add(info, "ReceiverIds", null), "ReceiverId", envelope.receiverId());
        add(info, "CreatTime", CREAT_TIME.format(LocalDateTime.now(clock.withZone(ZoneId.of("Asia/Shanghai")))));
        add(info, "MsgType", item.messageType() + "Message");
        add(root, "Data", Base64.getEncoder().encodeToString(message));
        byte[] bytes = SecureXml.serialize(doc);
        try {
            schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(bytes)));
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("DXP envelope not valid against the terminal-node schema: "
                    + e.getMessage());
        }
        return bytes;
    }

    private static Element add(Element parent, String name, String text) {
        Element e = parent.getOwnerDocument().createElementNS(DXP, "dxp:" + name);
        if (text != null) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }
}
