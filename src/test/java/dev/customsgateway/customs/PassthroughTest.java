package dev.customsgateway.customs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayClient;
import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.TestFiles;
import dev.customsgateway.TestMerchants;
import dev.customsgateway.api.ApiOrders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

/**
 * Passthrough: a merchant whose system already makes the CEB XML sends it as it is. Unsigned, the gateway checks
 * it with the same rules as any order, signs and delivers it; signed by the merchant (here with Santuario directly,
 * standing for the merchant's own tool), it is delivered byte for byte after its signature is checked; a bad
 * signature or a broken rule rejects it and says why. Either way its orders are declared once, also when the same
 * order is posted to the API at the same moment.
 */
class PassthroughTest extends GatewayIntegrationTest {

    private static final String CEB = "http://www.chinaport.gov.cn/ceb";

    @Autowired
    private JdbcClient jdbc;

    @Test
    void anUnsignedOrderMessageIsCheckedSignedAndDelivered() throws Exception {
        String key = passthroughMerchant();
        Document message = freshUnsignedCeb311();

        JsonNode status = client().submitAndAwait(key, bytes(message), "ceb311.xml");

        assertThat(status.get("errors").size()).as(status.toString()).isZero();
        String guid = status.get("messages").get(0).get("guid").asString();
        assertThat(guid).isEqualTo(message.getDocumentElement().getAttribute("guid"));
        JsonNode delivered = client().awaitMessage(key, guid, m -> "120".equals(m.path("customsStatus").asString()));
        assertThat(delivered.at("/delivery/state").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void aMessageTheMerchantSignedIsDeliveredByteForByte() throws Exception {
        String key = passthroughMerchant();
        byte[] signed = bytes(signAsTheMerchant(freshUnsignedCeb311()));

        JsonNode status = client().submitAndAwait(key, signed, "signed.xml");

        assertThat(status.get("errors").size()).as(status.toString()).isZero();
        String guid = status.get("messages").get(0).get("guid").asString();
        String delivered = client().get(key, "/api/v1/messages/" + guid + "/xml", "application/xml").body();
        assertThat(delivered.getBytes(StandardCharsets.UTF_8)).isEqualTo(signed);
    }

    @Test
    void rejectsAMerchantSignatureThatDoesNotVerify() throws Exception {
        String key = passthroughMerchant();
        Document signed = signAsTheMerchant(freshUnsignedCeb311());
        Element freight = (Element) signed.getElementsByTagNameNS(CEB, "freight").item(0);
        freight.setTextContent("999"); // changed after signing

        JsonNode status = client().submitAndAwait(key, bytes(signed), "tampered.xml");

        assertThat(status.at("/orders/failed").asInt()).isEqualTo(1);
        assertThat(status.get("errors").get(0).get("rule").asString()).isEqualTo("SIGNATURE_INVALID");
    }

    @Test
    void anUnsignedMessageBreakingARuleIsRejectedNamingTheElement() throws Exception {
        String key = passthroughMerchant();
        Document message = freshUnsignedCeb311();
        Element total = (Element) message.getElementsByTagNameNS(CEB, "totalPrice").item(0);
        total.setTextContent("1.00");

        JsonNode status = client().submitAndAwait(key, bytes(message), "bad-total.xml");

        assertThat(status.get("errors")).extracting(e -> e.get("column").asString() + ":" + e.get("rule").asString())
                .contains("totalPrice:TOTAL_PRICE_MISMATCH");
    }

    @Test
    void anOrderArrivingAsAPassthroughMessageAndByTheApiAtOnceIsDeclaredOnce() throws Exception {
        String key = passthroughMerchant();
        Document template = freshUnsignedCeb311();
        List<String> orderNos = IntStream.range(0, 24).mapToObj(i -> "PT-" + UUID.randomUUID().toString()
                .substring(0, 13).toUpperCase()).toList();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> submissions = new ArrayList<>();
            for (String orderNo : orderNos) {
                byte[] file = bytes(renumbered(template, orderNo));
                submissions.add(senders.submit(() -> GatewayClient.json(client().submit(key, file, orderNo + ".xml")
                        .body()).get("submissionId").asString()));
                submissions.add(senders.submit(() -> GatewayClient.json(client().postOrder(key,
                        ApiOrders.valid(orderNo)).body()).get("submissionId").asString()));
            }
            int succeeded = 0;
            for (Future<String> submission : submissions) {
                JsonNode status = client().awaitCompleted(key, submission.get());
                succeeded += status.at("/orders/succeeded").asInt();
                if (status.at("/orders/failed").asInt() > 0) {
                    assertThat(status.get("errors").get(0).get("rule").asString()).as(status.toString())
                            .isEqualTo("ORDER_ALREADY_DECLARED");
                }
            }

            assertThat(jdbc.sql("select order_no from outbox_message where order_no in (:nos) group by order_no"
                    + " having count(*) > 1").param("nos", orderNos).query(String.class).list())
                    .as("orders declared twice").isEmpty();
            assertThat(succeeded).as("each order declared once, by its message or by the API")
                    .isEqualTo(orderNos.size());
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void anOrderOfAMessageTheMerchantSignedIsDeclaredOnceToo() throws Exception {
        String key = passthroughMerchant();
        Document template = freshUnsignedCeb311();
        String orderNo = template.getElementsByTagNameNS(CEB, "orderNo").item(0).getTextContent();
        assertThat(client().submitAndAwait(key, bytes(signAsTheMerchant(renumbered(template, orderNo))), "first.xml")
                .at("/orders/succeeded").asInt()).isEqualTo(1);

        JsonNode again = client().submitAndAwait(key, bytes(signAsTheMerchant(renumbered(template, orderNo))),
                "again.xml");

        assertThat(again.at("/orders/failed").asInt()).as(again.toString()).isEqualTo(1);
        assertThat(again.get("errors").get(0).get("rule").asString()).isEqualTo("ORDER_ALREADY_DECLARED");
    }

    @Test
    void everyOrderOfAMessageOfSeveralIsDeclaredOnce() throws Exception {
        String key = passthroughMerchant();
        Document template = freshUnsignedCeb311();
        String a = "PT-A-" + UUID.randomUUID().toString().substring(0, 8);
        String b = "PT-B-" + UUID.randomUUID().toString().substring(0, 8);
        String c = "PT-C-" + UUID.randomUUID().toString().substring(0, 8);

        JsonNode first = client().submitAndAwait(key, bytes(withOrders(template, a, b)), "two-orders.xml");
        assertThat(first.get("errors").size()).as(first.toString()).isZero();

        // The second order of that message is declared too: by the API, and in another message.
        JsonNode posted = client().awaitCompleted(key, GatewayClient.json(client().postOrder(key,
                ApiOrders.valid(b)).body()).get("submissionId").asString());
        assertThat(posted.get("errors").get(0).get("rule").asString()).as(posted.toString())
                .isEqualTo("ORDER_ALREADY_DECLARED");
        JsonNode again = client().submitAndAwait(key, bytes(withOrders(template, c, b)), "again.xml");
        assertThat(again.get("errors")).extracting(e -> e.get("row").asInt() + ":" + e.get("rule").asString())
                .containsExactly("2:ORDER_ALREADY_DECLARED");
        assertThat(jdbc.sql("select count(*) from message_order where order_no = ?").param(c).query(Integer.class)
                .single()).as("nothing of a refused message is recorded").isZero();
    }

    @Test
    void customsRefusingOneRecordOfAMessageReleasesThatOrderOnly() throws Exception {
        String key = passthroughMerchant();
        String a = "PT-A-" + UUID.randomUUID().toString().substring(0, 8);
        String b = "PT-B-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode declared = client().submitAndAwait(key, bytes(withOrders(freshUnsignedCeb311(), a, b)), "two.xml");
        assertThat(declared.get("errors").size()).as(declared.toString()).isZero();

        // Customs answers record by record, under each record's own guid: the second order is refused (100).
        String recordGuid = UUID.randomUUID().toString().toUpperCase();
        Path inbound = DATA_DIR.resolve("inbound");
        Files.createDirectories(inbound);
        Path part = Files.createTempFile(DATA_DIR, "drop-", ".part");
        Files.writeString(part, """
                <?xml version="1.0" encoding="UTF-8"?>
                <CEB312Message guid="%s" version="1.0" xmlns="http://www.chinaport.gov.cn/ceb">
                  <OrderReturn><guid>%s</guid><ebpCode>1105910159</ebpCode><ebcCode>1105910159</ebcCode>
                    <orderNo>%s</orderNo><returnStatus>100</returnStatus><returnTime>20260101120000000</returnTime>
                    <returnInfo>refused</returnInfo></OrderReturn>
                </CEB312Message>
                """.formatted(recordGuid, recordGuid, b));
        Files.move(part, inbound.resolve("CEB312_" + recordGuid + ".xml"));
        Path processed = inbound.resolve("processed/CEB312_" + recordGuid + ".xml");
        for (int i = 0; i < 200 && !Files.exists(processed); i++) {
            Thread.sleep(100);
        }
        assertThat(processed).exists();

        JsonNode again = client().awaitCompleted(key, GatewayClient.json(client().postOrder(key, ApiOrders.valid(b))
                .body()).get("submissionId").asString());
        assertThat(again.at("/orders/succeeded").asInt()).as("the refused order may be declared anew: " + again)
                .isEqualTo(1);
        JsonNode stillStanding = client().awaitCompleted(key, GatewayClient.json(client().postOrder(key,
                ApiOrders.valid(a)).body()).get("submissionId").asString());
        assertThat(stillStanding.get("errors").get(0).get("rule").asString()).as(stillStanding.toString())
                .isEqualTo("ORDER_ALREADY_DECLARED");
    }

    @Test
    void anOrderNumberTwiceInOneMessageIsRefused() throws Exception {
        String key = passthroughMerchant();
        String a = "PT-R-" + UUID.randomUUID().toString().substring(0, 8);

        JsonNode status = client().submitAndAwait(key, bytes(withOrders(freshUnsignedCeb311(), a, a)), "twice.xml");

        assertThat(status.get("errors")).extracting(e -> e.get("row").asInt() + ":" + e.get("rule").asString())
                .contains("2:ORDER_REPEATED_IN_MESSAGE");
        assertThat(jdbc.sql("select count(*) from outbox_message where order_no = ?").param(a).query(Integer.class)
                .single()).isZero();
    }

    /** A copy of a CEB311 with a new guid and one order per number, copies of the template's order. */
    private static Document withOrders(Document template, String... orderNos) throws Exception {
        Document doc = renumbered(template, orderNos[0]);
        Element first = (Element) doc.getElementsByTagNameNS(CEB, "Order").item(0);
        org.w3c.dom.Node after = first;
        for (int i = 1; i < orderNos.length; i++) {
            Element order = (Element) first.cloneNode(true);
            order.getElementsByTagNameNS(CEB, "guid").item(0).setTextContent(UUID.randomUUID().toString()
                    .toUpperCase());
            order.getElementsByTagNameNS(CEB, "orderNo").item(0).setTextContent(orderNos[i]);
            after.getParentNode().insertBefore(order, after.getNextSibling());
            after = order;
        }
        return doc;
    }

    /** A copy of a CEB311 with a new guid and the given order number. */
    private static Document renumbered(Document template, String orderNo) throws Exception {
        Document doc = (Document) template.cloneNode(true);
        String guid = UUID.randomUUID().toString().toUpperCase();
        doc.getDocumentElement().setAttribute("guid", guid);
        doc.getElementsByTagNameNS(CEB, "guid").item(0).setTextContent(guid);
        doc.getElementsByTagNameNS(CEB, "orderNo").item(0).setTextContent(orderNo);
        return doc;
    }

    /** A CEB311 the gateway made for another merchant, with its signature removed and new numbers. */
    private Document freshUnsignedCeb311() throws Exception {
        JsonNode status = client().submitAndAwait(demoApiKey(), TestFiles.freshSample().bytes(), "source.csv");
        String xml = client().get(demoApiKey(), "/api/v1/messages/" + status.get("messages").get(0).get("guid")
                .asString() + "/xml", "application/xml").body();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        root.removeChild(root.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").item(0));
        String guid = UUID.randomUUID().toString().toUpperCase();
        root.setAttribute("guid", guid);
        doc.getElementsByTagNameNS(CEB, "guid").item(0).setTextContent(guid);
        doc.getElementsByTagNameNS(CEB, "orderNo").item(0).setTextContent("PT-" + guid.substring(0, 8));
        return doc;
    }

    /** Signs as the merchant's own tool would: CN_RSA_SHA1 with the merchant's key, straight through Santuario. */
    private Document signAsTheMerchant(Document doc) throws Exception {
        org.apache.xml.security.Init.init();
        KeyStore store = KeyStore.getInstance("PKCS12", new BouncyCastleProvider());
        char[] password = Files.readString(DATA_DIR.resolve("keys/signing.p12.password")).strip().toCharArray();
        try (InputStream in = Files.newInputStream(DATA_DIR.resolve("keys/signing.p12"))) {
            store.load(in, password);
        }
        PrivateKey key = (PrivateKey) store.getKey("demo-rsa", password);
        X509Certificate certificate = (X509Certificate) store.getCertificate("demo-rsa");
        XMLSignature signature = new XMLSignature(doc, "", XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA1,
                "http://www.w3.org/TR/2001/REC-xml-c14n-20010315");
        doc.getDocumentElement().appendChild(signature.getElement());
        Transforms transforms = new Transforms(doc);
        transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        signature.addDocument("", transforms, "http://www.w3.org/2000/09/xmldsig#sha1");
        signature.getKeyInfo().addKeyName(new BigInteger(1, certificate.getSerialNumber().toByteArray()).toString(16));
        signature.addKeyInfo(certificate);
        signature.sign(key);
        return doc;
    }

    private String passthroughMerchant() {
        return TestMerchants.create(jdbc, TestMerchants.uniqueId("pass"), "ceb-passthrough");
    }

    private static byte[] bytes(Document doc) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }

    private GatewayClient client() {
        return new GatewayClient(baseUrl());
    }
}
