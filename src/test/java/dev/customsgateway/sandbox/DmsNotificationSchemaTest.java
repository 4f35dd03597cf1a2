package dev.customsgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customsgateway.core.OfficialSchemas;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Every DMS notification the sandbox's HMRC stand-in writes validates against HMRC's notification schemas, both
 * as the gateway compiles them (schema set {@code wco-dms-2-notification}) and straight from the XSD files with
 * the JDK's validator; the function codes are those of the shipped code table, in the sequence HMRC sends them.
 */
class DmsNotificationSchemaTest {

    private static final Path XSD = Path.of("schemas/wco/dms-2/notification");
    private static final String RES = "urn:wco:datamodel:WCO:RES-DMS:2";
    private static Schema bundled;
    private static Schema fromFiles;
    private static Map<String, String> namesByCode;

    @BeforeAll
    static void schemas() throws Exception {
        bundled = new OfficialSchemas().get(OfficialSchemas.WCO_NOTIFICATION);
        fromFiles = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new Source[] {
                new StreamSource(XSD.resolve("DocumentMetaData_2_DMS.xsd").toFile()),
                new StreamSource(XSD.resolve("WCO_RES_2_DMS.xsd").toFile())});
        namesByCode = new HashMap<>();
        List<String> table = Files.readAllLines(Path.of("src/main/resources/codes/wco/dms_function_codes.csv"));
        for (String line : table.subList(1, table.size())) {
            String[] cells = line.split(",", 3);
            namesByCode.put(cells[0], cells[1]);
        }
    }

    @Test
    void aClearedDeclarationGetsReceivedAcceptedClearedEachSchemaValid() throws Exception {
        OffsetDateTime taken = OffsetDateTime.of(2026, 11, 29, 14, 30, 5, 0, ZoneOffset.UTC);
        String mrn = SandboxHmrcController.mrn("0F8B0C3A-5C1E-4D7B-9E0A-1B2C3D4E5F60", taken);
        List<byte[]> notifications = SandboxHmrcController.notifications("UK-1001", mrn, taken.toInstant(), null);

        List<String> names = new ArrayList<>();
        List<String> issued = new ArrayList<>();
        for (byte[] xml : notifications) {
            Document doc = validate(xml);
            Element root = doc.getDocumentElement();
            assertThat(root.getNamespaceURI()).isEqualTo("urn:wco:datamodel:WCO:DocumentMetaData-DMS:2");
            assertThat(root.getLocalName()).isEqualTo("MetaData");
            names.add(namesByCode.get(text(doc, RES, "FunctionCode")));
            issued.add(text(doc, "urn:wco:datamodel:WCO:Response_DS:DMS:2", "DateTimeString"));
            Element declaration = (Element) doc.getElementsByTagNameNS(RES, "Declaration").item(0);
            assertThat(text(declaration, "FunctionalReferenceID")).isEqualTo("UK-1001");
            assertThat(text(declaration, "ID")).isEqualTo(mrn).matches("26GB[A-Z0-9]{14}");
        }
        assertThat(names).containsExactly("DMSRCV", "DMSACC", "DMSCLE");
        assertThat(issued).containsExactly("20261129143005Z", "20261129143006Z", "20261129143007Z");
    }

    @Test
    void aRefusedDeclarationGetsAValidRejectionWithItsErrorAndPointers() throws Exception {
        DmsNotification.Error error = new DmsNotification.Error("SBX00001", "declarant XI000000000001 may not declare",
                List.of(new String[] {"42A"}, new String[] {"57B", "R123"}));
        List<byte[]> notifications = SandboxHmrcController.notifications("UK-REJ-1", "26GBABCDEFGHIJ0123",
                Instant.parse("2026-11-29T14:30:05Z"), error);

        assertThat(notifications).hasSize(2);
        Document first = validate(notifications.get(0));
        assertThat(namesByCode.get(text(first, RES, "FunctionCode"))).isEqualTo("DMSRCV");
        Document rejection = validate(notifications.get(1));
        assertThat(namesByCode.get(text(rejection, RES, "FunctionCode"))).isEqualTo("DMSREJ");
        Element e = (Element) rejection.getElementsByTagNameNS(RES, "Error").item(0);
        assertThat(text(e, "ValidationCode")).isEqualTo("SBX00001");
        assertThat(text(e, "Description")).contains("XI000000000001");
        assertThat(e.getElementsByTagNameNS(RES, "Pointer").getLength()).isEqualTo(2);
        assertThat(text((Element) e.getElementsByTagNameNS(RES, "Pointer").item(1), "TagID")).isEqualTo("R123");
        assertThat(rejection.getElementsByTagNameNS(RES, "RejectionDateTime").getLength()).isEqualTo(1);
    }

    @Test
    void theCheckCanFailHmrcsUnNamespacedExamplesAreNotValidNotifications() throws Exception {
        byte[] example = Files.readAllBytes(Path.of("src/test/resources/fixtures/wco-dms/01_DMSACC.xml"));
        assertThatThrownBy(() -> validate(example)).isInstanceOf(SAXException.class);
        String longLrn = new String(SandboxHmrcController.notifications("L".repeat(36), "26GBABCDEFGHIJ0123",
                Instant.now(), null).get(0), StandardCharsets.UTF_8);
        assertThat(longLrn).as("an LRN beyond the notification's an..35 is left out, not cut")
                .doesNotContain("LLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLL");
        validate(longLrn.getBytes(StandardCharsets.UTF_8));
    }

    private static Document validate(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        bundled.newValidator().validate(new DOMSource(doc));
        fromFiles.newValidator().validate(new DOMSource(doc));
        return doc;
    }

    private static String text(Document doc, String namespace, String name) {
        return doc.getElementsByTagNameNS(namespace, name).item(0).getTextContent();
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(RES, name).item(0).getTextContent();
    }
}
