package dev.customsgateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.core.SecureXml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The FOLDER transport in the transfer client's convention: with a DXP envelope the file is a terminal-node
 * {@code DxpMsg}, valid against the official schema, carrying the signed message byte for byte in Base64; an
 * envelope the schema refuses is never written.
 */
class FolderTransportDxpTest {

    private static final byte[] SIGNED = "<CEB311Message xmlns=\"http://www.chinaport.gov.cn/ceb\" guid=\"g\"/>"
            .getBytes(StandardCharsets.UTF_8);
    private static final OutboxItem ITEM = new OutboxItem(1, "4CDE1D5C-1E1A-4F4B-A4D1-6B8F5C0C3C11", "demo", null,
            "SO-1", "CEB311", "transfer-client", "x", "CEB311_SO-1_4CDE1D5C.xml", 1);

    @TempDir
    Path outbox;

    @Test
    void dxpEnvelopeIsSchemaValidAndCarriesTheSignedMessageByteForByte() throws Exception {
        TransportResult result = transport().send(ITEM, destination("DXPENT0000000001"), SIGNED);

        assertThat(result.delivered()).as(result.detail()).isTrue();
        Element root = SecureXml.parse(Files.newInputStream(outbox.resolve("demo").resolve(ITEM.fileName())))
                .getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.chinaport.gov.cn/dxp");
        assertThat(root.getLocalName()).isEqualTo("DxpMsg");
        assertThat(text(root, "CopMsgId")).isEqualTo(ITEM.guid());
        assertThat(text(root, "ReceiverId")).isEqualTo("DXPEDCCEB0000002");
        assertThat(text(root, "MsgType")).isEqualTo("CEB311Message");
        assertThat(Base64.getDecoder().decode(text(root, "Data"))).isEqualTo(SIGNED);
    }

    @Test
    void anEnvelopeTheSchemaRefusesIsNotWrittenAndIsPermanent() throws Exception {
        String tooLong = "DXPENT00000000001"; // SenderId is at most 16 characters
        TransportResult result = transport().send(ITEM, destination(tooLong), SIGNED);

        assertThat(result.outcome()).isEqualTo(TransportResult.Outcome.PERMANENT);
        assertThat(result.detail()).contains("terminal-node schema");
        assertThat(outbox.resolve("demo").resolve(ITEM.fileName())).doesNotExist();
    }

    @Test
    void withoutAnEnvelopeTheSignedXmlIsWrittenAsItIs() throws Exception {
        DeliveryProperties.Destination plain = new DeliveryProperties.Destination(
                DeliveryProperties.TransportKind.FOLDER, null, null, 0, null, null, 0, null, null, null, null);
        assertThat(transport().send(ITEM, plain, SIGNED).delivered()).isTrue();
        assertThat(Files.readAllBytes(outbox.resolve("demo").resolve(ITEM.fileName()))).isEqualTo(SIGNED);
    }

    private FolderTransport transport() throws Exception {
        DeliveryProperties properties = new DeliveryProperties(outbox, "transfer-client", 0, null,
                Map.of("transfer-client", destination("DXPENT0000000001")), null);
        return new FolderTransport(properties, new DxpEnvelopeWriter(Clock.systemUTC()));
    }

    private static DeliveryProperties.Destination destination(String senderId) {
        return new DeliveryProperties.Destination(DeliveryProperties.TransportKind.FOLDER, null, null, 0, null, null,
                0, null, new DeliveryProperties.Envelope(DeliveryProperties.EnvelopeKind.DXP, senderId,
                        "DXPEDCCEB0000002"), null, null);
    }

    private static String text(Element root, String name) {
        return root.getElementsByTagNameNS("http://www.chinaport.gov.cn/dxp", name).item(0).getTextContent();
    }
}
