package dev.customsgateway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

class SecureXmlTest {

    @Test
    void rejectsDoctype() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>";
        assertThatThrownBy(() -> parse(xml)).isInstanceOf(SAXException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void rejectsExternalEntity() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>";
        assertThatThrownBy(() -> parse(xml)).isInstanceOf(SAXException.class);
    }

    @Test
    void rejectsBillionLaughs() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><l>&b;</l>";
        assertThatThrownBy(() -> parse(xml)).isInstanceOf(SAXException.class);
    }

    @Test
    void parsesPlainNamespacedXml() throws Exception {
        var doc = parse("<ceb:a xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\"><ceb:b>1</ceb:b></ceb:a>");
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.chinaport.gov.cn/ceb");
        assertThat(new String(SecureXml.serialize(doc), StandardCharsets.UTF_8)).contains("<ceb:b>1</ceb:b>");
    }

    @Test
    void bundledSchemasCannotReachOutside() {
        String xsd = "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">"
                + "<xs:include schemaLocation=\"http://example.invalid/evil.xsd\"/></xs:schema>";
        assertThatThrownBy(() -> SecureXml.schemaFactory("schemas/china-ceb/202205")
                .newSchema(new javax.xml.transform.stream.StreamSource(new java.io.StringReader(xsd))))
                .hasMessageContaining("outside the bundled schemas");
    }

    private static org.w3c.dom.Document parse(String xml) throws Exception {
        return SecureXml.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
