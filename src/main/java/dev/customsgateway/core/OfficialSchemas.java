package dev.customsgateway.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * The official schemas, compiled once, one {@link Schema} per schema set. Import and export CEB schemas share a
 * namespace and declare the same global names differently, so they are never compiled together. The XSDs are
 * read from the classpath copy of {@code schemas/} (byte-identical to the authority's files; see its README).
 * A set may be several files compiled together (the HMRC WCO-DM declarations: MetaData and Declaration).
 * Shared by the customs checks and the customs sandbox.
 */
@Component
public class OfficialSchemas {

    /** The UK (HMRC CDS) declaration: {@code md:MetaData} wrapping a WCO DM 3.6 {@code Declaration}. */
    public static final String WCO_DECLARATION = "wco-dms-2-declaration";
    /** HMRC's notifications (DMSRCV, DMSACC, ...): {@code md:MetaData} wrapping WCO RES {@code Response}s. */
    public static final String WCO_NOTIFICATION = "wco-dms-2-notification";

    private static final Map<String, List<String>> SETS = Map.of(
            "ceb-202205-import", List.of("schemas/china-ceb/202205/ceb-import-202205.xsd"),
            "ceb-202205-export", List.of("schemas/china-ceb/202205/ceb-export-202205.xsd"),
            "ceb-2018-import", List.of("schemas/china-ceb/2018/ceb-import-2018.xsd"),
            "ceb-2018-export", List.of("schemas/china-ceb/2018/ceb-export-2018.xsd"),
            // HMRC: the MetaData wrapper's content is a strict wildcard, so the Declaration schema is compiled in
            WCO_DECLARATION, List.of("schemas/wco/dms-2/declaration/DocumentMetaData_2_DMS.xsd",
                    "schemas/wco/dms-2/declaration/WCO_DEC_2_DMS.xsd"),
            // HMRC: the Response schema imports ../declaration/WCO_DEC_2_DMS.xsd, so its bundle is dms-2 as a whole
            WCO_NOTIFICATION, List.of("schemas/wco/dms-2/notification/DocumentMetaData_2_DMS.xsd",
                    "schemas/wco/dms-2/notification/WCO_RES_2_DMS.xsd"));
    /** Sets whose imports reach beyond the folder of their first file: the folder they may reach into. */
    private static final Map<String, String> BUNDLES = Map.of(WCO_NOTIFICATION, "schemas/wco/dms-2");

    private final Map<String, Schema> schemas;

    public OfficialSchemas() throws IOException, SAXException {
        java.util.HashMap<String, Schema> compiled = new java.util.HashMap<>();
        for (Map.Entry<String, List<String>> set : SETS.entrySet()) {
            compiled.put(set.getKey(), compile(set.getValue(), BUNDLES.get(set.getKey())));
        }
        this.schemas = Map.copyOf(compiled);
    }

    /** Compiles the files of one set together; imports resolve inside the folder of the first file. */
    static Schema compile(List<String> paths) throws IOException, SAXException {
        return compile(paths, null);
    }

    /** As {@link #compile(List)}, imports resolving inside {@code bundle} when given. */
    static Schema compile(List<String> paths, String bundle) throws IOException, SAXException {
        String first = paths.get(0);
        String folder = bundle != null ? bundle : first.substring(0, first.lastIndexOf('/'));
        List<InputStream> opened = new java.util.ArrayList<>();
        try {
            Source[] sources = new Source[paths.size()];
            for (int i = 0; i < paths.size(); i++) {
                InputStream xsd = new ClassPathResource(paths.get(i)).getInputStream();
                opened.add(xsd);
                sources[i] = new StreamSource(xsd, "classpath:" + paths.get(i));
            }
            return SecureXml.schemaFactory(folder).newSchema(sources);
        } finally {
            for (InputStream in : opened) {
                in.close();
            }
        }
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
