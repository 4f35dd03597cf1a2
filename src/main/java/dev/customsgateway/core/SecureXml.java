package dev.customsgateway.core;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * The one place XML parsers are made. Every factory has secure processing on, DOCTYPE disallowed and external
 * entities and DTDs off; nothing in the gateway parses XML any other way (an architecture test keeps it so).
 */
public final class SecureXml {

    private static final DocumentBuilderFactory DOCUMENTS = newDocumentBuilderFactory();
    /** Makes empty documents (no parsing involved); thread-safe, unlike the builder it comes from. */
    private static final org.w3c.dom.DOMImplementation EMPTY_DOCUMENTS = documentBuilder().getDOMImplementation();
    private static final TransformerFactory TRANSFORMERS = transformerFactory();
    /** Serialising transformers, one per thread: making one costs more than serialising a customs message. */
    private static final ThreadLocal<javax.xml.transform.Transformer> SERIALIZERS =
            ThreadLocal.withInitial(SecureXml::newSerializer);

    private SecureXml() {
    }

    /** A namespace-aware builder that refuses any DOCTYPE. Builders are cheap and not thread-safe: one per use. */
    public static DocumentBuilder documentBuilder() {
        try {
            synchronized (DOCUMENTS) {
                DocumentBuilder builder = DOCUMENTS.newDocumentBuilder();
                builder.setEntityResolver((publicId, systemId) -> {
                    throw new SAXException("external entities are not allowed: " + systemId);
                });
                return builder;
            }
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be configured securely", e);
        }
    }

    /** Parses untrusted bytes; a DOCTYPE anywhere is an error. */
    public static Document parse(InputStream in) throws IOException, SAXException {
        DocumentBuilder builder = documentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(in);
    }

    /** An empty document to build into. */
    public static Document newDocument() {
        return EMPTY_DOCUMENTS.createDocument(null, null, null); // what a builder's newDocument() makes, minus a builder
    }

    /**
     * Serialises a document as UTF-8 with an XML declaration and no re-indentation: text nodes are kept as they
     * are, so a signed document stays verifiable.
     */
    public static byte[] serialize(Document document) {
        javax.xml.transform.Transformer transformer = SERIALIZERS.get();
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(8192);
            transformer.transform(new javax.xml.transform.dom.DOMSource(document),
                    new javax.xml.transform.stream.StreamResult(out));
            return out.toByteArray();
        } catch (javax.xml.transform.TransformerException e) {
            SERIALIZERS.remove(); // a transformer that failed half-way is not reused
            throw new IllegalStateException("cannot serialise an in-memory document", e);
        }
    }

    private static javax.xml.transform.Transformer newSerializer() {
        try {
            javax.xml.transform.Transformer transformer;
            synchronized (TRANSFORMERS) {
                transformer = TRANSFORMERS.newTransformer();
            }
            transformer.setOutputProperty(javax.xml.transform.OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(javax.xml.transform.OutputKeys.INDENT, "no");
            return transformer;
        } catch (javax.xml.transform.TransformerConfigurationException e) {
            throw new IllegalStateException("XML serialiser cannot be configured", e);
        }
    }

    /** A StAX factory for streaming merchant XML: no DTDs, no external entities. */
    public static XMLInputFactory xmlInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }

    /** A transformer factory for serialising; it loads nothing external. */
    public static TransformerFactory transformerFactory() {
        TransformerFactory factory = TransformerFactory.newInstance();
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        return factory;
    }

    /**
     * A schema factory for the gateway's own, bundled XSDs. It opens nothing by URL: imports and includes are
     * resolved by file name inside the given classpath folder, and anything else fails.
     */
    public static SchemaFactory schemaFactory(String classpathFolder) {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("schema factory cannot be configured securely", e);
        }
        factory.setResourceResolver(new BundledSchemaResolver(classpathFolder));
        return factory;
    }

    private static DocumentBuilderFactory newDocumentBuilderFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be configured securely", e);
        }
        return factory;
    }
}
