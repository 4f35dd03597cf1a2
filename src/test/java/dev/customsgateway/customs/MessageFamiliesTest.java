package dev.customsgateway.customs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayClient;
import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.TestMerchants;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

/**
 * The merchant's role and trade direction decide the message; its schema version decides the schema. Each case
 * takes the same merchant file through the real gateway: the message is of the right family, valid against
 * the official schema of its version (checked here with the JDK's own validator on the XSD file), signed where
 * that schema wants the signature, accepted by the sandbox, and answered with schema-valid receipts in the
 * family's code sequence.
 */
class MessageFamiliesTest extends GatewayIntegrationTest {

    private static final Path FILE = Path.of("src/test/resources/fixtures/orders/family-sample-orders.csv");
    private static final String CEB = "http://www.chinaport.gov.cn/ceb";

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private dev.customsgateway.audit.ContentStore store;

    @ParameterizedTest(name = "{0} {1} {4} -> {5}")
    @CsvSource({
        "PLATFORM,  IMPORT, demo-sm2, CN_SM2_SM3,        202205, CEB311Message, china-ceb/202205/ceb-import-202205.xsd, 120",
        "PAYMENT,   IMPORT, demo-rsa, CN_RSA_SHA1,       202205, CEB411Message, china-ceb/202205/ceb-import-202205.xsd, 120",
        "LOGISTICS, IMPORT, demo-ec,  ECDSA_P256_SHA256, 202205, CEB511Message, china-ceb/202205/ceb-import-202205.xsd, 120",
        "BROKER,    IMPORT, demo-sm2, CN_SM2_SM3,        202205, CEB621Message, china-ceb/202205/ceb-import-202205.xsd, 899",
        "PLATFORM,  EXPORT, demo-rsa, CN_RSA_SHA1,       202205, CEB303Message, china-ceb/202205/ceb-export-202205.xsd, 120",
        "LOGISTICS, EXPORT, demo-sm2, CN_SM2_SM3,        202205, CEB505Message, china-ceb/202205/ceb-export-202205.xsd, 120",
        "BROKER,    EXPORT, demo-ec,  ECDSA_P256_SHA256, 202205, CEB603Message, china-ceb/202205/ceb-export-202205.xsd, 120",
        "BROKER,    IMPORT, demo-rsa, CN_RSA_SHA1,       2018,   CEB621Message, china-ceb/2018/ceb-import-2018.xsd,     899",
        "PLATFORM,  IMPORT, demo-rsa, CN_RSA_SHA1,       2018,   CEB311Message, china-ceb/2018/ceb-import-2018.xsd,     120",
    })
    void theMerchantsRoleDecidesTheMessage(String role, String direction, String key, String profile,
            String version, String root, String xsd, String finalStatus) throws Exception {
        String merchant = TestMerchants.uniqueId(role.toLowerCase());
        String apiKey = TestMerchants.create(jdbc, merchant, "default-csv", role, direction, key, profile, version);
        GatewayClient client = new GatewayClient(baseUrl());

        JsonNode status = client.submitAndAwait(apiKey, Files.readAllBytes(FILE), "family.csv");

        assertThat(status.get("errors").size()).as(status.toString()).isZero();
        assertThat(status.at("/orders/succeeded").asInt()).isEqualTo(2);
        for (JsonNode message : status.get("messages")) {
            String guid = message.get("guid").asString();
            HttpResponse<String> xml = client.get(apiKey, "/api/v1/messages/" + guid + "/xml", "application/xml");
            Document document = parse(xml.body().getBytes(StandardCharsets.UTF_8));
            assertThat(document.getDocumentElement().getLocalName()).isEqualTo(root);
            validate(document, xsd);
            assertThat(lastElementChild(document.getDocumentElement()).getLocalName())
                    .as("the signature is last: after ExtendMessage in import, before it (absent here) in export")
                    .isEqualTo("Signature");
            JsonNode timeline = client.awaitMessage(apiKey, guid,
                    m -> finalStatus.equals(m.path("customsStatus").asString()));
            assertThat(timeline.get("customs").get(0).get("status").asString()).isEqualTo("2");
            for (String receipt : jdbc.sql("select distinct receipt_sha256 from customs_receipt where guid = ?")
                    .param(guid).query(String.class).list()) {
                try (java.io.InputStream stored = store.open(receipt)) {
                    validate(parse(stored.readAllBytes()), xsd);
                }
            }
        }
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static void validate(Document document, String xsd) throws Exception {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(Path.of("schemas").resolve(xsd)
                .toFile()).newValidator().validate(new DOMSource(document));
    }

    private static Element lastElementChild(Element parent) {
        List<Element> children = new java.util.ArrayList<>();
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children.get(children.size() - 1);
    }
}
