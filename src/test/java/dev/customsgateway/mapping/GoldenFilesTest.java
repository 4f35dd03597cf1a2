package dev.customsgateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.TestOrders;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.core.MerchantRole;
import dev.customsgateway.core.MessageFamily.Direction;
import dev.customsgateway.core.OrderOrigin;
import dev.customsgateway.core.SecureXml;
import dev.customsgateway.core.SubmittedOrder;
import dev.customsgateway.intake.format.FormatReaders;
import dev.customsgateway.intake.format.RecordReader;
import dev.customsgateway.signing.SchemaCheckSignature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.validation.SchemaFactory;
import org.apache.xml.security.c14n.Canonicalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * Golden files per CEB family: the merchant sample {@code golden/<family>/input.csv} read with the bundled
 * {@code default-csv} profile and mapped with a fixed clock and guid must give {@code expected.xml}, compared
 * after canonicalisation (inclusive C14N, whitespace between elements dropped). The signature is not part of
 * the mapping (the signing stage adds it and its own tests verify it). Each expected file must itself pass
 * the official schema of its direction, signed for the check where the schema requires a signature.
 *
 * <p>The expected files were generated once with {@code -Dgolden.update=true} and then reviewed by hand against
 * the customs field tables; without that flag, any change of a mapped field fails here.
 */
class GoldenFilesTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    /** 10:30:00 in Shanghai on 20 November 2026. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T02:30:00Z"), ZoneOffset.UTC);
    static final String GUID = "4F1C2A9E-7B3D-4E5F-8A6B-0C1D2E3F4A5B";

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
    void merchantSampleGivesTheExpectedMessage(String family, MerchantRole role, Direction direction)
            throws Exception {
        Document actual = map(family, role, direction);
        Path expected = GOLDEN.resolve(family).resolve("expected.xml");
        if (Boolean.getBoolean("golden.update")) {
            Files.write(expected, pretty(actual));
        }
        assertThat(canonical(parse(pretty(actual)))).as(family + " mapping against " + expected)
                .isEqualTo(canonical(parse(Files.readAllBytes(expected))));
        assertThat(actual.getDocumentElement().getLocalName()).isEqualTo(family + "Message");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "CEB311, IMPORT", "CEB411, IMPORT", "CEB511, IMPORT", "CEB621, IMPORT",
        "CEB303, EXPORT", "CEB505, EXPORT", "CEB603, EXPORT",
    })
    void expectedFileIsValidAgainstTheOfficialSchema(String family, Direction direction) throws Exception {
        Document expected = parse(Files.readAllBytes(GOLDEN.resolve(family).resolve("expected.xml")));
        assertThat(expected.getDocumentElement().getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#",
                "Signature").getLength()).as("no signature in the golden file").isZero();
        SchemaCheckSignature.sign(expected, direction == Direction.EXPORT);
        String xsd = "schemas/china-ceb/202205/ceb-" + direction.name().toLowerCase() + "-202205.xsd";
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(Path.of(xsd).toFile())
                .newValidator().validate(new DOMSource(expected));
    }

    @Test
    void aChangedFieldFailsTheComparison() throws Exception {
        Document actual = map("CEB311", MerchantRole.PLATFORM, Direction.IMPORT);
        Node orderNo = actual.getElementsByTagNameNS("http://www.chinaport.gov.cn/ceb", "orderNo").item(0);
        orderNo.setTextContent(orderNo.getTextContent() + "X");
        assertThat(canonical(parse(pretty(actual))))
                .isNotEqualTo(canonical(parse(Files.readAllBytes(GOLDEN.resolve("CEB311/expected.xml")))));
    }

    static Document map(String family, MerchantRole role, Direction direction) throws Exception {
        Merchant m = TestOrders.merchant();
        Merchant merchant = new Merchant(m.id(), m.displayName(), role, direction, m.customs(), m.signingKeyAlias(),
                m.signatureProfile(), "default-csv", m.schemaVersions());
        MappingProfile profile = ProfileFixtures.compile(
                Files.readString(Path.of("src/main/resources/profiles/default-csv.yaml")));
        List<SubmittedOrder> orders = new ArrayList<>();
        try (InputStream in = Files.newInputStream(GOLDEN.resolve(family).resolve("input.csv"));
                RecordReader records = FormatReaders.open(in, profile.source())) {
            new OrderStream(records, profile, ProfileFixtures.LOOKUPS, merchant, "golden")
                    .forEachRemaining(orders::add);
        }
        assertThat(orders).singleElement().satisfies(o -> assertThat(o.readErrors()).isEmpty());
        SubmittedOrder order = orders.get(0);
        CustomsMapper mapper = new CustomsMapper(null, CLOCK, () -> GUID);
        return mapper.build(SubmittedOrder.of(new OrderOrigin(merchant, "golden", order.order().orderNo(),
                order.order().sourceRow()), order.order())).document();
    }

    private static Document parse(byte[] xml) throws Exception {
        return SecureXml.parse(new ByteArrayInputStream(xml));
    }

    /** Inclusive C14N without comments of the document with whitespace-only text between elements removed. */
    static String canonical(Document document) throws Exception {
        org.apache.xml.security.Init.init();
        dropWhitespace(document.getDocumentElement());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS).canonicalizeSubtree(document, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void dropWhitespace(Node node) {
        for (Node child = node.getFirstChild(); child != null; ) {
            Node next = child.getNextSibling();
            if (child.getNodeType() == Node.TEXT_NODE && child.getTextContent().isBlank() && hasElements(node)) {
                node.removeChild(child);
            } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                dropWhitespace(child);
            }
            child = next;
        }
    }

    private static boolean hasElements(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                return true;
            }
        }
        return false;
    }

    /** Indented UTF-8, for people to read and review. */
    static byte[] pretty(Document document) throws Exception {
        Transformer t = SecureXml.transformerFactory().newTransformer();
        t.setOutputProperty(OutputKeys.INDENT, "yes");
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.transform(new DOMSource(document), new StreamResult(out));
        return out.toString(StandardCharsets.UTF_8).replaceFirst("\\?><", "?>\n<").getBytes(StandardCharsets.UTF_8);
    }
}
