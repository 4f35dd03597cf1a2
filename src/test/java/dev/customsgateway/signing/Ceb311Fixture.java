package dev.customsgateway.signing;

import dev.customsgateway.core.SecureXml;
import dev.customsgateway.schema.ceb202205.imports.BaseTransfer;
import dev.customsgateway.schema.ceb202205.imports.CEB311Message;
import dev.customsgateway.schema.ceb202205.imports.OrderHead;
import dev.customsgateway.schema.ceb202205.imports.OrderList;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.springframework.core.io.ClassPathResource;
import org.w3c.dom.Document;

/**
 * A CEB311 order of about 4 KB built with the schema-derived classes (the fictitious identity of the official
 * samples, Chinese text, five lines), indented as merchants' files are: the whitespace text nodes are signed too.
 */
final class Ceb311Fixture {

    private static final String NAME = "东方物通科技(北京)有限公司";
    private static final byte[] BYTES = build();

    private Ceb311Fixture() {
    }

    static byte[] bytes() {
        return BYTES.clone();
    }

    static Document document() {
        try {
            return SecureXml.parse(new ByteArrayInputStream(BYTES));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The official import schema, to show a signed message is still valid with the signature where it belongs. */
    static Schema importSchema() throws Exception {
        String path = "schemas/china-ceb/202205/ceb-import-202205.xsd";
        try (InputStream xsd = new ClassPathResource(path).getInputStream()) {
            return SecureXml.schemaFactory("schemas/china-ceb/202205")
                    .newSchema(new StreamSource(xsd, "classpath:" + path));
        }
    }

    private static byte[] build() {
        try {
            CEB311Message message = new CEB311Message();
            message.setGuid("4CDE1CFD-EDED-46B1-946C-B8022E42FC94");
            message.setVersion("1.0");
            CEB311Message.Order order = new CEB311Message.Order();
            order.setOrderHead(head());
            for (int gnum = 1; gnum <= 5; gnum++) {
                order.getOrderList().add(line(gnum));
            }
            message.getOrder().add(order);
            BaseTransfer transfer = new BaseTransfer();
            transfer.setCopCode("1105910159");
            transfer.setCopName(NAME);
            transfer.setDxpMode("DXP");
            transfer.setDxpId("EXP2016522002580001");
            message.setBaseTransfer(transfer);
            Marshaller marshaller = JAXBContext.newInstance(CEB311Message.class).createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller.marshal(message, out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the CEB311 fixture", e);
        }
    }

    private static OrderHead head() {
        OrderHead head = new OrderHead();
        head.setGuid("4CDE1CFD-EDED-46B1-946C-B8022E42FC94");
        head.setAppType("1");
        head.setAppTime("20220601112701");
        head.setAppStatus("2");
        head.setOrderType("I");
        head.setOrderNo("order20220601116421002");
        head.setEbpCode("1105910159");
        head.setEbpName(NAME);
        head.setEbcCode("1105910159");
        head.setEbcName(NAME);
        head.setGoodsValue(new BigDecimal("14000"));
        head.setFreight(new BigDecimal("5000"));
        head.setDiscount(BigDecimal.ZERO);
        head.setTaxTotal(new BigDecimal("50"));
        head.setActuralPaid(new BigDecimal("19050"));
        head.setCurrency("142");
        head.setBuyerRegNo("ID20160001");
        head.setBuyerName("张三");
        head.setBuyerTelephone("18813025940");
        head.setBuyerIdType("1");
        head.setBuyerIdNumber("110101199003074477");
        head.setPayCode("1105910159");
        head.setPayName(NAME);
        head.setPayTransactionId("20160001634226001");
        head.setConsignee("焦洪宇");
        head.setConsigneeTelephone("13522652231");
        head.setConsigneeAddress("北京市海淀区中关村大街1号");
        head.setConsigneeDistrict("110108");
        head.setNote("test & <check> escaping");
        return head;
    }

    private static OrderList line(int gnum) {
        OrderList line = new OrderList();
        line.setGnum(gnum);
        line.setItemNo("AF001-00" + gnum);
        line.setItemName("婴儿奶粉 " + gnum);
        line.setGmodel("900g/罐");
        line.setItemDescribe("进口婴幼儿配方奶粉");
        line.setBarCode("690123456789" + gnum);
        line.setUnit("122");
        line.setQty(new BigDecimal("2"));
        line.setPrice(new BigDecimal("1400"));
        line.setTotalPrice(new BigDecimal("2800"));
        line.setCurrency("142");
        line.setCountry("116");
        line.setNote("");
        return line;
    }
}
