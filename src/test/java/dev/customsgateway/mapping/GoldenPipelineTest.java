package dev.customsgateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayClient;
import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.TestMerchants;
import dev.customsgateway.core.SecureXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/**
 * The golden files through the whole gateway: each family's merchant sample, uploaded over HTTP by a merchant of
 * that role, passes the business rules and comes out of the pipeline (signed, validated, delivered) as exactly
 * the golden message, once the signature is taken off and the values of the moment (guid, appTime, and the
 * declaration date) are set to the ones {@link GoldenFilesTest} fixes.
 */
class GoldenPipelineTest extends GatewayIntegrationTest {

    private static final String CEB = "http://www.chinaport.gov.cn/ceb";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final Set<String> DATES = Set.of("declTime", "ieDate");

    @Autowired
    private JdbcClient jdbc;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "CEB311, PLATFORM,  IMPORT",
        "CEB411, PAYMENT,   IMPORT",
        "CEB511, LOGISTICS, IMPORT",
        "CEB621, BROKER,    IMPORT",
        "CEB303, PLATFORM,  EXPORT",
        "CEB505, LOGISTICS, EXPORT",
        "CEB603, BROKER,    EXPORT",
    })
    void theGatewayDeclaresTheGoldenMessage(String family, String role, String direction) throws Exception {
        String merchant = TestMerchants.uniqueId("golden-" + family.toLowerCase());
        String apiKey = TestMerchants.create(jdbc, merchant, "default-csv", role, direction, "demo-rsa",
                "CN_RSA_SHA1", "202205");
        GatewayClient client = new GatewayClient(baseUrl());
        Path golden = Path.of("src/test/resources/golden").resolve(family);

        JsonNode status = client.submitAndAwait(apiKey, Files.readAllBytes(golden.resolve("input.csv")), "input.csv");

        assertThat(status.get("errors").size()).as(status.toString()).isZero();
        assertThat(status.get("messages").size()).isEqualTo(1);
        String guid = status.get("messages").get(0).get("guid").asString();
        String xml = client.get(apiKey, "/api/v1/messages/" + guid + "/xml", "application/xml").body();
        Document declared = SecureXml.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(guid).hasSize(36).isUpperCase();
        assertThat(declared.getElementsByTagNameNS(DS, "Signature").getLength()).isEqualTo(1);

        fixMomentaryValues(declared);
        assertThat(GoldenFilesTest.canonical(declared))
                .isEqualTo(GoldenFilesTest.canonical(SecureXml.parse(Files.newInputStream(
                        golden.resolve("expected.xml")))));
    }

    /** Takes the signature off and sets guid, appTime and the declaration date to the golden values. */
    private static void fixMomentaryValues(Document document) {
        Node signature = document.getElementsByTagNameNS(DS, "Signature").item(0);
        signature.getParentNode().removeChild(signature);
        Element root = document.getDocumentElement();
        root.setAttribute("guid", GoldenFilesTest.GUID);
        var now = GoldenFilesTest.CLOCK.instant().atZone(ZoneId.of("Asia/Shanghai"));
        NodeList all = root.getElementsByTagNameNS(CEB, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            switch (e.getLocalName()) {
                case "guid" -> e.setTextContent(GoldenFilesTest.GUID);
                case "appTime" -> e.setTextContent(DateTimeFormatter.ofPattern("yyyyMMddHHmmss").format(now));
                default -> {
                    if (DATES.contains(e.getLocalName())) {
                        e.setTextContent(DateTimeFormatter.ofPattern("yyyyMMdd").format(now));
                    }
                }
            }
        }
    }
}
