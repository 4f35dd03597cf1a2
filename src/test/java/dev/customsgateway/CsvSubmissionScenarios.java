package dev.customsgateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.core.Sha256;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/**
 * The foundation's end-to-end path, through the running gateway over real HTTP: a merchant's CSV becomes
 * signed, schema-valid CEB311 messages in the outbox, checked by independent means (the JDK validator on the
 * official XSD file, {@code xmlsec1} as an external process). Run against H2 and against PostgreSQL.
 */
interface CsvSubmissionScenarios {

    Path SAMPLE = Path.of("src/test/resources/fixtures/orders/sample-orders.csv");
    Path IMPORT_XSD = Path.of("schemas/china-ceb/202205/ceb-import-202205.xsd");

    String baseUrl();

    Path dataDir();

    JdbcClient jdbc();

    default String apiKey() throws IOException {
        return Files.readString(dataDir().resolve("demo-merchant.api-key")).strip();
    }

    default GatewayClient client() {
        return new GatewayClient(baseUrl());
    }

    /** The signed XML of a message, fetched from the API (as delivered) into a file named as the gateway names it. */
    default Path outboxFile(JsonNode message) throws Exception {
        return signedXml(apiKey(), message);
    }

    default Path signedXml(String key, JsonNode message) throws Exception {
        HttpResponse<String> xml = client().get(key, "/api/v1/messages/" + message.get("guid").asString() + "/xml",
                "application/xml");
        assertThat(xml.statusCode()).isEqualTo(200);
        Path dir = Files.createTempDirectory("signed-");
        Path file = dir.resolve(message.get("file").asString());
        Files.writeString(file, xml.body(), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    default void sampleCsvBecomesSignedSchemaValidCeb311Messages() throws Exception {
        TestFiles.Fresh sample = TestFiles.freshSample();
        JsonNode status = client().submitAndAwait(apiKey(), sample.bytes(), "sample-orders.csv");

        assertThat(status.at("/orders/succeeded").asInt()).isEqualTo(3);
        JsonNode again = client().submitAndAwait(apiKey(), sample.bytes(), "sample-orders.csv");
        assertThat(again.at("/orders/failed").asInt()).as("the same orders are not declared twice").isEqualTo(3);
        assertThat(again.get("errors").get(0).get("rule").asString()).isEqualTo("ORDER_ALREADY_DECLARED");
        assertThat(status.at("/orders/failed").asInt()).isZero();
        assertThat(status.get("errors").size()).isZero();
        List<String> orderNos = new ArrayList<>();
        for (JsonNode message : status.get("messages")) {
            Path file = outboxFile(message);
            assertThat(file.getFileName().toString())
                    .startsWith("CEB311_" + message.get("orderNo").asString() + "_");
            Document xml = parseIndependently(file);
            validateAgainstOfficialXsd(xml);
            assertThat(text(xml, "orderNo")).isEqualTo(message.get("orderNo").asString());
            assertThat(text(xml, "guid")).isEqualTo(message.get("guid").asString()).matches("[0-9A-F-]{36}");
            assertThat(ExternalTool.run(xmlsec1Verify(file)).exitCode()).as("xmlsec1 verifies " + file).isZero();
            orderNos.add(text(xml, "orderNo"));
        }
        assertThat(orderNos).containsExactly(sample.prefix() + "0001", sample.prefix() + "0002",
                sample.prefix() + "0003");

        Path first = outboxFile(status.get("messages").get(0));
        Document firstXml = parseIndependently(first);
        assertThat(firstXml.getElementsByTagNameNS("http://www.chinaport.gov.cn/ceb", "OrderList").getLength())
                .as("two rows of SO-2026-0001 became two goods lines").isEqualTo(2);
        assertThat(text(firstXml, "acturalPaid")).as("goods 376 + 99.5, freight 10").isEqualTo("485.50");
    }

    @Test
    default void messagesAreDeliveredToCustomsAndItsReceiptsComeBack() throws Exception {
        JsonNode status = client().submitAndAwait(apiKey(), TestFiles.freshSample().bytes(), "sample-orders.csv");

        for (JsonNode message : status.get("messages")) {
            // the sandbox's receipts may be taken in before the delivery loop has recorded its own success
            JsonNode timeline = client().awaitMessage(apiKey(), message.get("guid").asString(),
                    m -> "120".equals(m.path("customsStatus").asString())
                            && "DELIVERED".equals(m.at("/delivery/state").asString()));
            assertThat(timeline.at("/delivery/state").asString()).isEqualTo("DELIVERED");
            assertThat(timeline.get("customs")).extracting(r -> r.get("status").asString())
                    .containsExactly("2", "120");
            assertThat(timeline.get("customs").get(1).get("explanation").asString())
                    .contains("accepted into the customs system").contains("海关入库");
            HttpResponse<String> receipt = client().get(apiKey(), timeline.get("customs").get(1).get("xmlUrl")
                    .asString(), "application/xml");
            assertThat(receipt.statusCode()).isEqualTo(200);
            assertThat(receipt.body()).contains("<CEB312Message").contains("<returnStatus>120</returnStatus>");
            String other = TestMerchants.create(jdbc(), TestMerchants.uniqueId("nosy"), "default-csv");
            assertThat(client().get(other, timeline.get("customs").get(1).get("xmlUrl").asString(),
                    "application/xml").statusCode()).as("another merchant cannot read it").isEqualTo(404);
            assertThat(jdbc().sql("select count(*) from sandbox_message where guid = ?")
                    .param(message.get("guid").asString()).query(Integer.class).single())
                    .as("customs has it exactly once").isEqualTo(1);
        }
    }

    @Test
    default void tamperedMessageFailsIndependentVerification() throws Exception {
        JsonNode status = client().submitAndAwait(apiKey(), TestFiles.freshSample().bytes(), "sample-orders.csv");
        Path signed = outboxFile(status.get("messages").get(1));
        Path tampered = Files.createTempFile("tampered-", ".xml");
        Files.writeString(tampered, Files.readString(signed).replace("<ceb:discount>5</ceb:discount>",
                "<ceb:discount>50</ceb:discount>"));
        assertThat(Files.readString(tampered)).isNotEqualTo(Files.readString(signed));

        ExternalTool.Result result = ExternalTool.run(xmlsec1Verify(tampered));

        assertThat(result.exitCode()).isNotZero();
        assertThat(ExternalTool.run(xmlsec1Verify(signed)).exitCode()).isZero();
    }

    @Test
    default void messageLogRecordsEveryStageWithTheDigestOfItsArtefact() throws Exception {
        TestFiles.Fresh sample = TestFiles.freshSample();
        JsonNode status = client().submitAndAwait(apiKey(), sample.bytes(), null);
        String submissionId = status.get("submissionId").asString();

        List<Map<String, Object>> submissionStages = jdbc().sql("""
                select stage, artefact_sha256 from message_log where submission_id = ? and guid is null order by id""")
                .param(submissionId).query().listOfRows();
        assertThat(submissionStages).extracting(r -> r.get("stage"))
                .containsExactly("RECEIVED", "PARSED", "PARSED", "PARSED");
        assertThat(submissionStages.get(0).get("artefact_sha256")).isEqualTo(Sha256.hex(sample.bytes()));

        for (JsonNode message : status.get("messages")) {
            List<Map<String, Object>> stages = jdbc().sql("""
                    select stage, artefact_sha256 from message_log where correlation_id = ?
                    and stage in ('MAPPED', 'SIGNED', 'VALIDATED', 'WRITTEN') order by id""")
                    .param(message.get("guid").asString()).query().listOfRows();
            assertThat(stages.subList(0, 4)).extracting(r -> r.get("stage"))
                    .containsExactly("MAPPED", "SIGNED", "VALIDATED", "WRITTEN");
            String written = (String) stages.get(3).get("artefact_sha256");
            assertThat(stages.size()).as("later stages (delivery, receipts) may follow").isGreaterThanOrEqualTo(4);
            assertThat(written).isEqualTo(Sha256.hex(Files.readAllBytes(outboxFile(message))));
            assertThat(stages.get(1).get("artefact_sha256")).as("what was signed is what was written")
                    .isEqualTo(written);
            Path stored = dataDir().resolve("store").resolve(written.substring(0, 2))
                    .resolve(written.substring(2, 4)).resolve(written);
            assertThat(new String(Files.readAllBytes(stored), 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
                    .as("stored encrypted").isEqualTo("CGWE");
            HttpResponse<String> xml = client().get(apiKey(), "/api/v1/messages/" + message.get("guid").asString()
                    + "/xml", "application/xml");
            assertThat(Sha256.hex(xml.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .as("the store gives back the bytes logged").isEqualTo(written);
        }
    }

    @Test
    default void rowErrorsNameRowColumnAndRuleAndTheOtherOrdersGoOn() throws Exception {
        String csv = Files.readString(SAMPLE).lines().findFirst().orElseThrow() + "\n"
                // row 2: fine
                + "GOOD-1,b1,赵六,110101199003071233,13800000009,赵六,13800000009,北京市 1 号,,0,0,0,,,,,S1,茶叶,100g/袋,,011,1,50,50,142\n"
                // row 3: ID number with a wrong check character
                + "BAD-ID,b2,钱七,110101199003071234,13800000008,钱七,13800000008,北京市 2 号,,0,0,0,,,,,S2,茶叶,100g/袋,,011,1,50,50,142\n"
                // row 4: total is not qty x price, unknown unit
                + "BAD-SUM,b3,孙八,110101199003071233,13800000007,孙八,13800000007,北京市 3 号,,0,0,0,,,,,S3,茶叶,100g/袋,,999,2,50,99,142\n"
                // row 5: GOOD-1 again, after other orders: not contiguous, and by now declared already
                + "GOOD-1,b1,赵六,110101199003071233,13800000009,赵六,13800000009,北京市 1 号,,0,0,0,,,,,S4,茶叶,100g/袋,,011,1,50,50,142\n";

        JsonNode status = client().submitAndAwait(apiKey(), csv.getBytes(StandardCharsets.UTF_8), "mixed.csv");

        assertThat(status.at("/orders/succeeded").asInt()).isEqualTo(1);
        assertThat(status.at("/orders/failed").asInt()).isEqualTo(3);
        List<String> errors = new ArrayList<>();
        status.get("errors").forEach(e -> errors.add(e.get("row").asInt() + ":" + e.get("column").asString()
                + ":" + e.get("rule").asString()));
        assertThat(errors).contains(
                "3:buyer_id_number:BUYER_ID_NUMBER_INVALID",
                "4:unit:UNIT_UNKNOWN",
                "4:total_price:TOTAL_PRICE_MISMATCH",
                "5:order_no:ORDER_ROWS_NOT_CONTIGUOUS");
        // orders run in parallel: the repeat may also be seen after the first GOOD-1 was declared
        assertThat(errors).hasSizeBetween(4, 5).allMatch(e -> !e.startsWith("5:") || e.endsWith("NOT_CONTIGUOUS")
                || e.endsWith("ORDER_ALREADY_DECLARED"));
        JsonNode idError = status.get("errors").get(0);
        assertThat(idError.get("value").asString()).as("personal data is masked").isEqualTo("**************1234");
        assertThat(idError.get("message").asString()).contains("buyerIdNumber (订购人证件号码)");
        assertThat(status.get("messages")).extracting(m -> m.get("orderNo").asString()).containsExactly("GOOD-1");
        assertThat(jdbc().sql("select count(*) from outbox_message where order_no in ('BAD-ID', 'BAD-SUM')")
                .query(Integer.class).single()).as("nothing of a rejected order reaches the outbox").isZero();
    }

    @Test
    default void wholeFileFaultsAreProblemsAndTheUploadIsStillStored() throws Exception {
        byte[] noColumns = "order_no,buyer_name\nX-1,someone\n".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> missing = client().submit(apiKey(), noColumns, "short.csv");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(GatewayClient.json(missing.body()).get("code").asString()).isEqualTo("HEADER_MISSING_COLUMNS");
        assertThat(GatewayClient.json(missing.body()).get("detail").asString()).contains("buyer_id_number");

        byte[] latin1 = "order_no,buyer_name\nX-1,M\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> undecodable = client().submit(apiKey(), latin1, "latin1.csv");
        assertThat(undecodable.statusCode()).isEqualTo(400);
        assertThat(GatewayClient.json(undecodable.body()).get("code").asString()).isEqualTo("FILE_ENCODING");
        assertThat(GatewayClient.json(undecodable.body()).get("detail").asString()).contains("line 2");

        HttpResponse<String> binary = client().submit(apiKey(), new byte[] {'P', 'K', 3, 4, 0, 0, 1}, "x.xlsx");
        assertThat(binary.statusCode()).isEqualTo(400);

        byte[] headerOnly = (Files.readString(SAMPLE).lines().findFirst().orElseThrow() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> noOrders = client().submit(apiKey(), headerOnly, "header-only.csv");
        assertThat(noOrders.statusCode()).isEqualTo(422);
        assertThat(GatewayClient.json(noOrders.body()).get("code").asString()).isEqualTo("FILE_NO_RECORDS");

        HttpResponse<String> empty = client().submit(apiKey(), new byte[0], "empty.csv");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(GatewayClient.json(empty.body()).get("code").asString()).isEqualTo("FILE_EMPTY");

        assertThat(jdbc().sql("select count(*) from submission where status = 'REFUSED' and content_sha256 = ?")
                .param(Sha256.hex(latin1)).query(Integer.class).single()).as("refused upload kept").isEqualTo(1);
        assertThat(dataDir().resolve("store").resolve(Sha256.hex(latin1).substring(0, 2))).exists();
        assertThat(client().submitAndAwait(apiKey(), TestFiles.freshSample().bytes(), null).at("/orders/succeeded")
                .asInt()).as("the service keeps running").isEqualTo(3);
    }

    @Test
    default void requestsWithoutAValidKeyAreRefused() throws Exception {
        byte[] body = TestFiles.freshSample().bytes();
        for (String key : new String[] {null, "", "cgw_not-a-real-key", apiKey() + "x"}) {
            HttpResponse<String> response = client().submit(key, body, null);
            assertThat(response.statusCode()).as("key " + key).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    default void aMerchantCannotReadAnotherMerchantsSubmission() throws Exception {
        JsonNode demo = client().submitAndAwait(apiKey(), TestFiles.freshSample().bytes(), null);
        String otherKey = TestMerchants.create(jdbc(), TestMerchants.uniqueId("other"), "default-csv");

        HttpResponse<String> response = client().status(otherKey, demo.get("submissionId").asString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(client().status(apiKey(), demo.get("submissionId").asString()).statusCode()).isEqualTo(200);
    }

    @Test
    default void errorReportsComeAsCsvWithFormulasNeutralisedAndAsJson() throws Exception {
        String csv = Files.readString(SAMPLE).lines().findFirst().orElseThrow() + "\n"
                + "INJ-1,b1,赵六,110101199003071233,13800000009,赵六,13800000009,北京市 1 号,,0,0,0,,,,,S1,茶叶,100g,,"
                + "\"=HYPERLINK(\"\"http://x\"\")\",1,50,50,142\n";
        JsonNode status = client().submitAndAwait(apiKey(), csv.getBytes(StandardCharsets.UTF_8), "inj.csv");
        String path = "/api/v1/submissions/" + status.get("submissionId").asString() + "/errors";

        HttpResponse<String> report = client().get(apiKey(), path, "text/csv");

        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).startsWith("file,row,column,value,rule,message")
                .contains("inj.csv,2,unit,\"'=HYPERLINK(").contains("UNIT_UNKNOWN")
                .doesNotContain(",\"=HYPERLINK");
        JsonNode json = GatewayClient.json(client().get(apiKey(), path, "application/json").body());
        assertThat(json.get(0).get("rule").asString()).isEqualTo("UNIT_UNKNOWN");
        assertThat(json.get(0).get("value").asString()).as("JSON keeps the value as it was").startsWith("=HYPERLINK");
    }

    @Test
    default void anOrdersStatusCanBeAskedByItsNumber() throws Exception {
        TestFiles.Fresh sample = TestFiles.freshSample();
        JsonNode status = client().submitAndAwait(apiKey(), sample.bytes(), "by-number.csv");
        String orderNo = sample.prefix() + "0001";

        HttpResponse<String> order = client().get(apiKey(), "/api/v1/orders/" + orderNo, "application/json");

        assertThat(order.statusCode()).isEqualTo(200);
        JsonNode view = GatewayClient.json(order.body());
        assertThat(view.get("messages").get(0).get("guid").asString())
                .isEqualTo(status.get("messages").get(0).get("guid").asString());
        assertThat(client().get(apiKey(), "/api/v1/orders/NO-SUCH-ORDER", "application/json").statusCode())
                .isEqualTo(404);
        String other = TestMerchants.create(jdbc(), TestMerchants.uniqueId("peek"), "default-csv");
        assertThat(client().get(other, "/api/v1/orders/" + orderNo, "application/json").statusCode())
                .as("another merchant's order is not found").isEqualTo(404);
    }

    @Test
    default void aShopifyStyleExportIsMappedWithItsProfile() throws Exception {
        String merchant = TestMerchants.uniqueId("shop");
        String key = TestMerchants.create(jdbc(), merchant, "shopify-csv");
        byte[] csv = Files.readAllBytes(Path.of("src/test/resources/fixtures/orders/shopify-sample-orders.csv"));

        JsonNode status = client().submitAndAwait(key, csv, "orders_export.csv");

        assertThat(status.get("errors").size()).as(status.toString()).isZero();
        assertThat(status.at("/orders/succeeded").asInt()).isEqualTo(2);
        Path file = signedXml(key, status.get("messages").get(0));
        Document xml = parseIndependently(file);
        validateAgainstOfficialXsd(xml);
        assertThat(text(xml, "orderNo")).isEqualTo("#1001");
        assertThat(text(xml, "buyerTelephone")).isEqualTo("8613800000001");
        assertThat(text(xml, "acturalPaid")).as("376 + 100 goods, 12 shipping").isEqualTo("488.00");
        assertThat(xml.getElementsByTagNameNS("http://www.chinaport.gov.cn/ceb", "unit").item(0).getTextContent())
                .as("罐 looked up in the customs unit table").isEqualTo("122");
        assertThat(xml.getElementsByTagNameNS("http://www.chinaport.gov.cn/ceb", "country").item(1).getTextContent())
                .as("US looked up as a customs country code").isEqualTo("502");
    }

    private List<String> xmlsec1Verify(Path file) {
        return List.of("xmlsec1", "--verify", "--trusted-pem", dataDir().resolve("keys/demo-rsa.pem").toString(),
                file.toString());
    }

    static Document parseIndependently(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    static void validateAgainstOfficialXsd(Document xml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(IMPORT_XSD.toFile()).newValidator().validate(new DOMSource(xml));
    }

    static String text(Document xml, String localName) {
        return xml.getElementsByTagNameNS("http://www.chinaport.gov.cn/ceb", localName).item(0).getTextContent();
    }
}
