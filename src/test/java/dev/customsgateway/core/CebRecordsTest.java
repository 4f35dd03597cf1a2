package dev.customsgateway.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The business records of the official GACC samples, one per order, payment, waybill or inventory list, each with
 * the number and declaration type of its head; what an extension part holds is not a record.
 */
class CebRecordsTest {

    private static final Path SAMPLES = Path.of("src/test/resources/fixtures/official/202205");
    private static final String CEB = "http://www.chinaport.gov.cn/ceb";

    @ParameterizedTest
    @CsvSource({
        "import/CEB311Message.xml, Order, orderNo",
        "import/CEB411Message.xml, Payment, orderNo",
        "import/CEB511Message.xml, Logistics, logisticsNo",
        "import/CEB621Message.xml, Inventory, copNo",
        "export/CEB303Message.xml, Order, orderNo",
        "export/CEB603Message.xml, Inventory, copNo"})
    void oneRecordPerBusinessElementOfTheSample(String sample, String recordElement, String numberElement)
            throws Exception {
        Document message = read(sample);
        int elements = message.getElementsByTagNameNS(CEB, recordElement).getLength();

        List<CebRecords.Record> records = CebRecords.of(message);

        assertThat(records).hasSize(elements).isNotEmpty();
        assertThat(records).allSatisfy(r -> {
            assertThat(r.number()).isNotBlank();
            assertThat(r.appType()).isNotBlank();
        });
        assertThat(records).extracting(CebRecords.Record::row).startsWith(1, 2);
        assertThat(records.get(0).element()).isIn("orderNo", numberElement);
    }

    @Test
    void anOrderNumberInTheExtensionPartIsNotARecord() throws Exception {
        Document message = read("import/CEB411Message.xml");
        int before = CebRecords.of(message).size();
        Element extend = message.createElementNS(CEB, "ceb:ExtendMessage");
        Element number = message.createElementNS(CEB, "ceb:orderNo");
        number.setTextContent("ZZ-NOT-AN-ORDER");
        extend.appendChild(number);
        message.getDocumentElement().appendChild(extend);

        assertThat(CebRecords.of(message)).hasSize(before).noneMatch(r -> "ZZ-NOT-AN-ORDER".equals(r.number()));
    }

    private static Document read(String sample) throws Exception {
        try (InputStream in = Files.newInputStream(SAMPLES.resolve(sample))) {
            return SecureXml.parse(in);
        }
    }
}
