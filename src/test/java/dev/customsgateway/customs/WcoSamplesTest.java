package dev.customsgateway.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customsgateway.core.OfficialSchemas;
import dev.customsgateway.core.SecureXml;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * HMRC's annotated TT_IM declarations against the WCO schema copy as the gateway loads it (MetaData and
 * Declaration compiled together, relative imports resolved inside the bundle): every sample validates, a broken
 * one does not, and MetaData alone cannot validate one (so the set really holds both schemas).
 */
class WcoSamplesTest {

    private static final Path SAMPLES = Path.of("src/test/resources/fixtures/official/wco");
    private static final String DEC = "urn:wco:datamodel:WCO:DEC-DMS:2";
    private static final OfficialSchemas SCHEMAS = schemas();

    static Stream<Path> samples() throws Exception {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            List<Path> all = files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
            assertThat(all).hasSize(8);
            return all.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyTradeTestSampleValidates(Path sample) throws Exception {
        SCHEMAS.get(OfficialSchemas.WCO_DECLARATION).newValidator().validate(new DOMSource(parse(sample)));
    }

    @Test
    void aDeclarationWithoutItsFunctionCodeIsInvalid() throws Exception {
        Document document = parse(SAMPLES.resolve("TT_IM068a.xml"));
        Element functionCode = (Element) document.getElementsByTagNameNS(DEC, "FunctionCode").item(0);
        functionCode.getParentNode().removeChild(functionCode);
        assertThatThrownBy(() -> SCHEMAS.get(OfficialSchemas.WCO_DECLARATION).newValidator()
                .validate(new DOMSource(document)))
                .isInstanceOf(SAXException.class).hasMessageContaining("FunctionalReferenceID");
    }

    @Test
    void theMetaDataSchemaAloneCannotValidateADeclaration() throws Exception {
        Document document = parse(SAMPLES.resolve("TT_IM068a.xml"));
        var metaDataOnly = SecureXml.schemaFactory("schemas/wco/dms-2/declaration").newSchema(new StreamSource(
                Path.of("schemas/wco/dms-2/declaration/DocumentMetaData_2_DMS.xsd").toUri().toString()));
        assertThatThrownBy(() -> metaDataOnly.newValidator().validate(new DOMSource(document)))
                .isInstanceOf(SAXException.class).hasMessageContaining("Declaration");
    }

    @Test
    void relativeImportsCannotLeaveTheBundle() {
        String xsd = "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">"
                + "<xs:include schemaLocation=\"../../../../application.yaml\"/></xs:schema>";
        assertThatThrownBy(() -> SecureXml.schemaFactory("schemas/wco/dms-2/declaration")
                .newSchema(new StreamSource(new java.io.StringReader(xsd))))
                .hasMessageContaining("outside the bundled schemas");
    }

    private static Document parse(Path sample) throws Exception {
        try (InputStream in = Files.newInputStream(sample)) {
            return SecureXml.parse(in);
        }
    }

    private static OfficialSchemas schemas() {
        try {
            return new OfficialSchemas();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
