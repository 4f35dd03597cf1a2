package dev.customsgateway.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * The official schemas, compiled once, one {@link Schema} per schema set. Import and export CEB schemas share a
 * namespace and declare the same global names differently, so they are never compiled together. The XSDs are
 * read from the classpath copy of {@code schemas/} (byte-identical to the authority's files; see its README).
 * A new family (the HMRC WCO-DM declarations) drops in as one more entry. Shared by the customs checks and the
 * customs sandbox.
 */
@Component
public class OfficialSchemas {

    private static final Map<String, String> SETS = Map.of(
            "ceb-202205-import", "schemas/china-ceb/202205/ceb-import-202205.xsd",
            "ceb-202205-export", "schemas/china-ceb/202205/ceb-export-202205.xsd",
            "ceb-2018-import", "schemas/china-ceb/2018/ceb-import-2018.xsd",
            "ceb-2018-export", "schemas/china-ceb/2018/ceb-export-2018.xsd");

    private final Map<String, Schema> schemas;

    public OfficialSchemas() throws IOException, SAXException {
        java.util.HashMap<String, Schema> compiled = new java.util.HashMap<>();
        for (Map.Entry<String, String> set : SETS.entrySet()) {
            String path = set.getValue();
            String folder = path.substring(0, path.lastIndexOf('/'));
            try (InputStream xsd = new ClassPathResource(path).getInputStream()) {
                compiled.put(set.getKey(), SecureXml.schemaFactory(folder)
                        .newSchema(new StreamSource(xsd, "classpath:" + path)));
            }
        }
        this.schemas = Map.copyOf(compiled);
    }

    /** The compiled schema of a set, e.g. {@code ceb-202205-import}. */
    public Schema get(String schemaSet) {
        Schema schema = schemas.get(schemaSet);
        if (schema == null) {
            throw new IllegalArgumentException("unknown schema set " + schemaSet);
        }
        return schema;
    }
}
