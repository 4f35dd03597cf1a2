package dev.customsgateway.sandbox;

import dev.customsgateway.core.SecureXml;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One WCO DMS notification as HMRC sends them: {@code md:MetaData} (WCO data model 3.6, type RES) wrapping one
 * {@code Response} in {@code urn:wco:datamodel:WCO:RES-DMS:2}, date-times in format 304 in the Response_DS
 * namespace. HMRC's published examples show the content (without namespaces); the elements are written in the
 * order of {@code WCO_RES_2_DMS.xsd}, against which every notification validates (schema set
 * {@code wco-dms-2-notification}).
 *
 * @param name       the notification name from the code table: DMSRCV, DMSACC, DMSCLE, DMSREJ, ...
 * @param lrn        the declaration's LRN (DE 2/5, {@code FunctionalReferenceID}); left out when longer than the
 *                   notification schema allows (35)
 * @param mrn        the declaration's MRN, as customs numbered it
 * @param issued     when the notification was issued
 * @param error      for a DMSREJ: what was wrong; else null
 */
record DmsNotification(String name, String lrn, String mrn, Instant issued, Error error) {

    static final String METADATA = "urn:wco:datamodel:WCO:DocumentMetaData-DMS:2";
    static final String RES = "urn:wco:datamodel:WCO:RES-DMS:2";
    static final String RES_DS = "urn:wco:datamodel:WCO:Response_DS:DMS:2";
    private static final DateTimeFormatter FORMAT_304 = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /**
     * An error of a rejection (validation code, words, and where in the declaration).
     *
     * @param pointers each a WCO class id ({@code DocumentSectionCode}, e.g. {@code 42A} Declaration) with an
     *                 optional attribute id ({@code TagID}, e.g. {@code R123} Declarant ID): the ids of
     *                 {@code WCO_DEC_2_DMS.xsd}'s annotations
     */
    record Error(String validationCode, String description, List<String[]> pointers) {
    }

    byte[] toXml() {
        Document doc = SecureXml.newDocument();
        Element metaData = doc.createElementNS(METADATA, "md:MetaData");
        metaData.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:md", METADATA);
        metaData.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns", RES);
        metaData.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ds", RES_DS);
        doc.appendChild(metaData);
        add(metaData, METADATA, "md:WCODataModelVersionCode", "3.6");
        add(metaData, METADATA, "md:WCOTypeName", "RES");
        add(metaData, METADATA, "md:ResponsibleCountryCode", "GB");
        add(metaData, METADATA, "md:ResponsibleAgencyName", "HMRC");
        Element response = add(metaData, RES, "Response", null);
        add(response, RES, "FunctionCode", DmsFunctionCodes.of(name));
        // the notification's own id, as in HMRC's examples (32 hex digits)
        add(response, RES, "FunctionalReferenceID", UUID.randomUUID().toString().replace("-", ""));
        dateTime(add(response, RES, "IssueDateTime", null), issued);
        if (error != null) {
            Element e = add(response, RES, "Error", null);
            add(e, RES, "Description", error.description().length() > 512 ? error.description().substring(0, 512)
                    : error.description());
            add(e, RES, "ValidationCode", error.validationCode());
            for (String[] at : error.pointers()) {
                Element pointer = add(e, RES, "Pointer", null);
                add(pointer, RES, "DocumentSectionCode", at[0]);
                if (at.length > 1) {
                    add(pointer, RES, "TagID", at[1]);
                }
            }
        }
        Element declaration = add(response, RES, "Declaration", null);
        if ("DMSACC".equals(name)) {
            dateTime(add(declaration, RES, "AcceptanceDateTime", null), issued);
        }
        if (lrn != null && lrn.length() <= 35) {
            add(declaration, RES, "FunctionalReferenceID", lrn);
        }
        add(declaration, RES, "ID", mrn);
        if (error != null) {
            dateTime(add(declaration, RES, "RejectionDateTime", null), issued);
        }
        add(declaration, RES, "VersionID", "1");
        doc.setXmlStandalone(true);
        return SecureXml.serialize(doc);
    }

    private static void dateTime(Element parent, Instant at) {
        add(parent, RES_DS, "ds:DateTimeString", FORMAT_304.format(at)).setAttribute("formatCode", "304");
    }

    private static Element add(Element parent, String namespace, String name, String text) {
        Element e = parent.getOwnerDocument().createElementNS(namespace, name);
        if (text != null) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }
}
