package dev.customsgateway.customs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayClient;
import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.TestMerchants;
import dev.customsgateway.UkMerchants;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.xml.security.c14n.Canonicalizer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;

/**
 * A UK merchant's file through the real gateway (HTTP API, pipeline, outbox, delivery to the sandbox's HMRC
 * stand-in): each order becomes a WCO-DM low-value declaration that is not signed, validates against HMRC's
 * MetaData and Declaration schemas (checked here with the JDK's validator on the XSD files), equals the golden
 * file, is addressed to the UK destination and is delivered there. Bad orders fail with the UK rule codes naming
 * the merchant's column, and the file goes on.
 */
class UkDeclarationApiTest extends GatewayIntegrationTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/uk");
    private static final Path XSD = Path.of("schemas/wco/dms-2/declaration");

    @Autowired
    private JdbcClient jdbc;

    @Test
    void aUkMerchantsOrdersBecomeUnsignedSchemaValidDeclarationsForHmrc() throws Exception {
        String merchant = TestMerchants.uniqueId("uk");
        String apiKey = UkMerchants.create(jdbc, merchant, UkMerchants.DECLARANT_EORI);
        GatewayClient client = new GatewayClient(baseUrl());

        JsonNode status = client.submitAndAwait(apiKey, Files.readAllBytes(FIXTURES.resolve("uk-sample-orders.csv")),
                "uk-sample-orders.csv");

        assertThat(status.get("errors").size()).as(status.toString()).isZero();
        assertThat(status.at("/orders/succeeded").asInt()).isEqualTo(2);
        Map<String, String> guids = new HashMap<>();
        for (JsonNode message : status.get("messages")) {
            guids.put(message.get("orderNo").asString(), message.get("guid").asString());
        }
        assertThat(guids).containsOnlyKeys("UK-1001", "UK-1002");
        for (Map.Entry<String, String> order : guids.entrySet()) {
            String guid = order.getValue();
            HttpResponse<String> xml = client.get(apiKey, "/api/v1/messages/" + guid + "/xml", "application/xml");
            Document produced = parse(xml.body().getBytes(StandardCharsets.UTF_8));
            assertThat(produced.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature")
                    .getLength()).as("UK declarations are not XML-signed").isZero();
            validate(produced);
            Document expected = parse(Files.readAllBytes(FIXTURES.resolve("uk-sample-orders.expected")
                    .resolve(order.getKey() + ".xml")));
            assertThat(canonical(produced)).as(order.getKey()).isEqualTo(canonical(expected));

            Map<String, Object> outbox = jdbc.sql("select message_type, destination from outbox_message where guid = ?")
                    .param(guid).query().singleRow();
            assertThat(outbox).containsEntry("message_type", "UK_SRDS").containsEntry("destination", "hmrc-sandbox");
            client.awaitMessage(apiKey, guid, m -> "DELIVERED".equals(m.at("/delivery/state").asString()));
            Map<String, Object> booked = jdbc.sql(
                    "select message_type, business_no, verdict from sandbox_message where guid = ?")
                    .param(guid).query().singleRow();
            assertThat(booked).containsEntry("message_type", "UK_SRDS").containsEntry("business_no", order.getKey())
                    .containsEntry("verdict", "ACCEPTED");
        }
    }

    @Test
    void badOrdersAreRefusedWithTheUkRuleNamingTheColumnAndTheFileGoesOn() throws Exception {
        String merchant = TestMerchants.uniqueId("uk-bad");
        String apiKey = UkMerchants.create(jdbc, merchant, UkMerchants.DECLARANT_EORI);
        String header = "order_no,consignee,consignee_eori,currency,description,commodity_code,qty,price,value,"
                + "origin_country\n";
        String file = header
                + "B-1,Aoife Byrne,XI12345,GBP,Blazer,61031010,1,50.00,,CN\n"
                + "B-2,Aoife Byrne,,GBP,Blazer,61031010,2,67.51,135.02,CN\n"
                + "B-3,Aoife Byrne,,GBP,Blazer,6103101000,1,50.00,,CN\n"
                + "B-4,Aoife Byrne,,XXX,Blazer,61031010,1,50.00,,CN\n"
                + "B-5,Aoife Byrne,,GBP,Blazer,61031010,1,50.00,,ZZ\n"
                + "B-6,Aoife Byrne,,GBP,Blazer,61031010,1,135.00,,CN\n";
        GatewayClient client = new GatewayClient(baseUrl());

        JsonNode status = client.submitAndAwait(apiKey, file.getBytes(StandardCharsets.UTF_8), "bad.csv");

        assertThat(status.at("/orders/failed").asInt()).as(status.toString()).isEqualTo(5);
        assertThat(status.at("/orders/succeeded").asInt()).as("exactly at the threshold is allowed").isEqualTo(1);
        List<String> errors = new java.util.ArrayList<>();
        status.get("errors").forEach(e -> errors.add(e.get("row").asInt() + ":" + e.get("column").asString() + ":"
                + e.get("rule").asString()));
        assertThat(errors).containsExactlyInAnyOrder(
                "2:consignee_eori:UK_EORI_FORMAT",
                "3:value:UK_VALUE_OVER_THRESHOLD",
                "4:commodity_code:UK_COMMODITY_CODE",
                "5:currency:UK_CURRENCY_UNKNOWN",
                "6:origin_country:UK_COUNTRY_UNKNOWN");
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /** MetaData and Declaration compiled together, straight from the files (not through the gateway's loader). */
    private static void validate(Document document) throws Exception {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new Source[] {
                new StreamSource(XSD.resolve("DocumentMetaData_2_DMS.xsd").toFile()),
                new StreamSource(XSD.resolve("WCO_DEC_2_DMS.xsd").toFile())})
                .newValidator().validate(new DOMSource(document));
    }

    /** Inclusive C14N without comments, after dropping whitespace-only text (the golden files are indented). */
    private static String canonical(Document document) throws Exception {
        dropWhitespace(document.getDocumentElement());
        org.apache.xml.security.Init.init();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS).canonicalizeSubtree(document, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void dropWhitespace(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if ((child.getNodeType() == Node.TEXT_NODE && child.getTextContent().isBlank())
                    || child.getNodeType() == Node.COMMENT_NODE) {
                node.removeChild(child);
            } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                dropWhitespace(child);
            }
            child = next;
        }
    }
}
