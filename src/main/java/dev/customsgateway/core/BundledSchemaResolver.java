package dev.customsgateway.core;

import java.io.InputStream;
import java.io.Reader;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * Resolves schema imports and includes to files of one classpath folder, by bare file name. The official XSDs
 * refer to each other that way ({@code schemaLocation="xmldsig-core-schema.xsd"}); a location with a path or a
 * scheme is refused, so a schema can never make the gateway fetch anything.
 */
final class BundledSchemaResolver implements LSResourceResolver {

    private final String folder;

    BundledSchemaResolver(String folder) {
        this.folder = folder.endsWith("/") ? folder : folder + "/";
    }

    @Override
    public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String base) {
        if (systemId == null || systemId.contains("/") || systemId.contains("\\") || systemId.contains(":")) {
            throw new IllegalArgumentException("schema location outside the bundled schemas: " + systemId);
        }
        InputStream in = BundledSchemaResolver.class.getClassLoader().getResourceAsStream(folder + systemId);
        if (in == null) {
            throw new IllegalArgumentException("bundled schema not found: " + folder + systemId);
        }
        return new Input(publicId, "classpath:" + folder + systemId, in);
    }

    /** A schema document handed to the validator as a stream. */
    private record Input(String publicId, String systemId, InputStream byteStream) implements LSInput {
        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader r) { }
        @Override public InputStream getByteStream() { return byteStream; }
        @Override public void setByteStream(InputStream s) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String s) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String s) { }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String s) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String s) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String s) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean b) { }
    }
}
