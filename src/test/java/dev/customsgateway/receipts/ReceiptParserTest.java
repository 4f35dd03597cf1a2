package dev.customsgateway.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptParserTest {

    @Test
    void parsesTheOfficialOrderReceiptSampleInItsDefaultNamespace() throws Exception {
        List<ReceiptEntry> entries = ReceiptParser.parse(Files.readAllBytes(Path.of(
                "src/test/resources/fixtures/receipts/CEB312Message.xml")));
        assertThat(entries).isNotEmpty().allSatisfy(e -> {
            assertThat(e.receiptType()).isEqualTo("CEB312");
            assertThat(e.guid()).isEqualTo("4CDE1CFD-EDED-46B1-946C-B8022E42FC94");
            assertThat(e.orderNo()).isEqualTo("order20160321116420545");
            assertThat(e.returnTime()).hasSize(17);
        });
    }

    @Test
    void parsesTheOfficialInventoryReceiptSampleByCopNo() throws Exception {
        List<ReceiptEntry> entries = ReceiptParser.parse(Files.readAllBytes(Path.of(
                "src/test/resources/fixtures/receipts/CEB622Message.xml")));
        assertThat(entries.get(0).receiptType()).isEqualTo("CEB622");
        assertThat(entries.get(0).orderNo()).isEqualTo("cop2016032211000");
        assertThat(entries).extracting(ReceiptEntry::returnStatus).contains("1");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"import/CEB312Message.xml", "import/CEB412Message.xml",
        "import/CEB512Message.xml", "import/CEB622Message.xml", "import/CEB712Message.xml", "export/CEB304Message.xml",
        "export/CEB404Message.xml", "export/CEB508Message.xml", "export/CEB604Message.xml", "export/CEB606Message.xml",
        "export/CEB702Message.xml"})
    void everyOfficialReceiptSampleParsesIntoEntries(String sample) throws Exception {
        List<ReceiptEntry> entries = ReceiptParser.parse(Files.readAllBytes(Path.of(
                "src/test/resources/fixtures/official/202205").resolve(sample)));
        assertThat(entries).isNotEmpty().allSatisfy(e -> {
            assertThat(e.returnStatus()).isNotBlank();
            assertThat(e.receiptType()).isEqualTo(sample.substring(sample.indexOf('/') + 1, sample.indexOf('/') + 7));
        });
    }

    @Test
    void readsPrefixedReceiptsAlike() {
        String xml = "<ceb:CEB312Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\" guid=\"G\" version=\"1.0\">"
                + "<ceb:OrderReturn><ceb:guid>G</ceb:guid><ceb:orderNo>O</ceb:orderNo>"
                + "<ceb:returnStatus>-301002</ceb:returnStatus><ceb:returnTime>20261129120000000</ceb:returnTime>"
                + "<ceb:returnInfo>x</ceb:returnInfo></ceb:OrderReturn></ceb:CEB312Message>";
        assertThat(ReceiptParser.parse(xml.getBytes(StandardCharsets.UTF_8))).singleElement()
                .satisfies(e -> assertThat(e.returnStatus()).isEqualTo("-301002"));
    }

    @Test
    void rejectsDoctypeInReceipt() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<CEB312Message xmlns=\"http://www.chinaport.gov.cn/ceb\"><OrderReturn>&e;</OrderReturn></CEB312Message>";
        assertThatThrownBy(() -> ReceiptParser.parse(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void explainsCodesPerReceiptTypeAndNegativeCodesAsErrors() {
        ReceiptCodes codes = new ReceiptCodes();
        assertThat(codes.explain("CEB312", "120")).contains("accepted into the customs system");
        assertThat(codes.explain("CEB622", "800")).contains("released").contains("放行");
        assertThat(codes.explain("CEB312", "-301002")).contains("processing error");
    }
}
