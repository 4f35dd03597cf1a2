package dev.customsgateway.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The exchange platform's {@code DxpRep} and WCO DMS notifications, parsed namespace-aware: a default namespace
 * and a prefix read alike; HMRC's examples without any namespace read like real, namespaced ones.
 */
class TransportAndDmsParserTest {

    static final Path DMS = Path.of("src/test/resources/fixtures/wco-dms");
    private final ReceiptCodes codes = new ReceiptCodes();

    /** A DxpRep answering the message sent as CopMsgId {@code guid}; valid against the terminal-node XSD. */
    static String dxpRep(String prefix, String guid, String code, String info) {
        String p = prefix.isEmpty() ? "" : prefix + ":";
        String ns = prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix;
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<PDxpRep ver=\"1.0\" NS=\"http://www.chinaport.gov.cn/dxp\">"
                + "<PRecevierId>EXP2016522002580</PRecevierId>"
                + "<PResponse><PNodeId>DXPEDCCE</PNodeId><PResponseCode>%s</PResponseCode>"
                + "<PResponseInfo>%s</PResponseInfo>"
                + "<PResults><PResult><PRecId>DXPEDCCEB0000002</PRecId><PCode>%s</PCode><PInfo>%s</PInfo></PResult></PResults>"
                + "<PNoticeTime>2026-11-29</PNoticeTime>"
                + "<POriHead><PCopMsgId>%s</PCopMsgId><PSenderId>DXPENT0000000001</PSenderId>"
                + "<PReceiverIds><PReceiverId>DXPEDCCEB0000002</PReceiverId></PReceiverIds>"
                + "<PCreatTime>2026-11-29T10:00:00</PCreatTime><PMsgType>CEB311Message</PMsgType></POriHead>"
                + "</PResponse></PDxpRep>")
                .replace("<P", "<" + p).replace("</P", "</" + p).replace("NS=", ns + "=")
                .formatted(code, info, code, info, guid);
    }

    @Test
    void dxpRepSamplesAreValidAgainstTheOfficialTerminalNodeSchema() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Path.of("schemas/china-ceb/202205/dxp-terminal-202205.xsd").toFile());
        for (String xml : List.of(dxpRep("", "G-1", "0000", "ok"), dxpRep("dxp", "G-1", "1001", "bad"))) {
            schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        }
    }

    @Test
    void dxpRepInTheDefaultNamespaceAndWithAPrefixReadAlike() {
        for (String prefix : List.of("", "dxp")) {
            List<ReceiptEntry> entries = ReceiptParser.parse(dxpRep(prefix, "4CDE1D5C-1E1A", "1001", "验签失败")
                    .getBytes(StandardCharsets.UTF_8), null, codes);
            assertThat(entries).singleElement().satisfies(e -> {
                assertThat(e.receiptType()).isEqualTo("DxpRep");
                assertThat(e.guid()).isEqualTo("4CDE1D5C-1E1A");
                assertThat(e.returnStatus()).isEqualTo("1001");
                assertThat(e.returnTime()).isEqualTo("20261129000000000");
                assertThat(e.returnInfo()).contains("验签失败").contains("DXPEDCCEB0000002: 1001");
            });
        }
    }

    @Test
    void dxpRepInAnotherNamespaceIsNotOne() {
        String foreign = dxpRep("", "G", "0000", "ok").replace("http://www.chinaport.gov.cn/dxp", "urn:elsewhere");
        assertThatThrownBy(() -> ReceiptParser.parse(foreign.getBytes(StandardCharsets.UTF_8), null, codes))
                .hasMessageContaining("not a CEB receipt, DxpRep or WCO DMS notification");
    }

    @Test
    void dxpResponseCodesAreExplained() {
        assertThat(codes.explain("DxpRep", "0000")).startsWith("transport-accepted");
        assertThat(codes.explain("DxpRep", "1001")).startsWith("transport-rejected (error): security error")
                .contains("invalid signature");
        assertThat(codes.explain("DxpRep", "0002")).contains("format error").contains("schema validation failed");
        assertThat(codes.explain("DxpRep", "2105")).contains("routing error");
    }

    @ParameterizedTest
    @CsvSource({"01_DMSACC.xml,DMSACC,3.1_P1_TT_1311RM41,20191113172216000",
        "02_DMSRCV.xml,DMSRCV,3.1_P1_TT_1311RM41,20191113172139000",
        "03_DMSREJ.xml,DMSREJ,Sample_A_TC01_1102_03,20200211114212000",
        "09_DMSCLE.xml,DMSCLE,,20191113172217000",
        "13_DMSTAX.xml,DMSTAX,IM08a_PHYCTL_002,20200213111155000",
        "17_DMSGER.xml,DMSGER,U.7847610GCIRM,20241021162814000"})
    void hmrcExamplesWithoutNamespacesParse(String file, String status, String lrn, String time) throws Exception {
        List<ReceiptEntry> entries = ReceiptParser.parse(Files.readAllBytes(DMS.resolve(file)), "CONV-1", codes);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.receiptType()).isEqualTo("DMS");
            assertThat(e.returnStatus()).isEqualTo(status);
            assertThat(e.guid()).isEqualTo("CONV-1");
            if (lrn != null) {
                assertThat(e.orderNo()).isEqualTo(lrn);
            }
            assertThat(e.returnTime()).isEqualTo(time);
        });
    }

    @Test
    void aRejectionNamesItsErrorsAndIsExplainedAsAnError() throws Exception {
        ReceiptEntry rej = ReceiptParser.parse(Files.readAllBytes(DMS.resolve("03_DMSREJ.xml")), null, codes).get(0);
        assertThat(rej.returnInfo()).isEqualTo("CDS12005 at 42A at 17C/R144; declaration 20GB1NA4Y2YSRFGVR6 version 1");
        assertThat(codes.explain("DMS", "DMSREJ")).startsWith("rejected (error): DMSREJ (function code 03)");
        assertThat(codes.explain("DMS", "DMSACC")).isEqualTo(
                "DMSACC (function code 01): the declaration has been legally accepted");
        assertThat(codes.explain("DMS", "DMSCLE")).contains("clearance").doesNotContain("error");
    }

    @Test
    void aNamespacedNotificationReadsLikeTheExample() throws Exception {
        String example = Files.readString(DMS.resolve("01_DMSACC.xml"));
        String real = example
                .replace("<MetaData>", "<md:MetaData xmlns:md=\"urn:wco:datamodel:WCO:DocumentMetaData-DMS:2\" "
                        + "xmlns=\"urn:wco:datamodel:WCO:RES-DMS:2\" xmlns:ds=\"urn:wco:datamodel:WCO:Response_DS:DMS:2\">")
                .replace("</MetaData>", "</md:MetaData>")
                .replaceAll("<(/?)(WCODataModelVersionCode|WCOTypeName|ResponsibleCountryCode|ResponsibleAgencyName"
                        + "|AgencyAssignedCustomizationCode|AgencyAssignedCustomizationVersionCode)", "<$1md:$2")
                .replace("DateTimeString", "ds:DateTimeString");
        ReceiptEntry fromExample = ReceiptParser.parse(example.getBytes(StandardCharsets.UTF_8), null, codes).get(0);
        ReceiptEntry fromReal = ReceiptParser.parse(real.getBytes(StandardCharsets.UTF_8), null, codes).get(0);
        assertThat(fromReal).isEqualTo(fromExample);
        assertThat(fromReal.returnStatus()).isEqualTo("DMSACC");
    }

    @Test
    void aNotificationInAForeignNamespaceIsRefused() {
        String foreign = "<MetaData xmlns=\"urn:other\"><Response><FunctionCode>01</FunctionCode></Response></MetaData>";
        assertThatThrownBy(() -> ReceiptParser.parse(foreign.getBytes(StandardCharsets.UTF_8), null, codes))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
