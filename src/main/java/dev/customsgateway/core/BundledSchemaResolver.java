package dev.customsgateway.core;

import java.io.InputStream;
import java.io.Reader;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * Resolves schema imports and includes to files of one classpath folder. The GACC XSDs refer to each other by
 * bare file name ({@code schemaLocation="xmldsig-core-schema.xsd"}); HMRC's use relative paths into sub-folders
 * ({@code WCO_DS/WCO_DEC_DS_2_DMS.xsd}, {@code ../UNECE/...}), resolved against the importing file. A location
 * with a scheme, an absolute path or one that leaves the folder is refused, so a schema can never make the
 * gateway fetch anything.
 */
final class BundledSchemaResolver implements LSResourceResolver {

    private final String folder;

    BundledSchemaResolver(String folder) {
        this.folder = folder.endsWith("/") ? folder : folder + "/";
    }

    @Override
    public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String base) {
        if (systemId == null || systemId.startsWith("/") || systemId.contains("\\") || systemId.contains(":")) {
            throw new IllegalArgumentException("schema location outside the bundled schemas: " + systemId);
        }
        String path = resolve(importingFolder(base), systemId);
        InputStream in = BundledSchemaResolver.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalArgumentException("bundled schema not found: " + path);
        }
        return new Input(publicId, "classpath:" + path, in);
    }

    /** The folder of the importing schema when it is one of ours, else the bundle's root folder. */
    private String importingFolder(String base) {
        if (base != null && base.startsWith("classpath:" + folder)) {
            String path = base.substring("classpath:".length());
            return path.substring(0, path.lastIndexOf('/') + 1);
        }
        return folder;
    }

    /** Joins a relative location to a folder, folding {@code ..}; the result must stay inside the bundle. */
    private String resolve(String from, String relative) {
        java.util.Deque<String> segments = new java.util.ArrayDeque<>();
        for (String s : (from + relative).split("/")) {
            if (s.equals("..")) {
                if (segments.isEmpty()) {
                    throw new IllegalArgumentException("schema location outside the bundled schemas: " + relative);
                }
                segments.removeLast();
            } else if (!s.isEmpty() && !s.equals(".")) {
                segments.addLast(s);
            }
        }
        String path = String.join("/", segments);
        if (!path.startsWith(folder)) {
            throw new IllegalArgumentException("schema location outside the bundled schemas: " + relative);
        }
        return path;
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
