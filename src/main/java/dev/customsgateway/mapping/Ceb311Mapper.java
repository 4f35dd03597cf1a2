package dev.customsgateway.mapping;

import dev.customsgateway.audit.LogStage;
import dev.customsgateway.audit.MessageLog;
import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.CustomsMessage;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.core.OrderLine;
import dev.customsgateway.core.OrderOrigin;
import dev.customsgateway.core.SecureXml;
import dev.customsgateway.core.SubmittedOrder;
import dev.customsgateway.schema.ceb202205.imports.BaseTransfer;
import dev.customsgateway.schema.ceb202205.imports.CEB311Message;
import dev.customsgateway.schema.ceb202205.imports.OrderHead;
import dev.customsgateway.schema.ceb202205.imports.OrderList;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;

/**
 * Maps one canonical order to a CEB311Message (China import e-commerce order, 202205 schema) with the
 * merchant's BaseTransfer, and records the unsigned XML in the message log. Used by the {@code pipeline-order}
 * route after the business rules.
 */
@Component("ceb311Mapper")
class Ceb311Mapper {

    static final String SCHEMA_SET = "ceb-202205-import";
    static final String SCHEMA_VERSION = "202205";
    private static final ZoneId CUSTOMS_TIME = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter APP_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final String RMB = "142";

    private final JAXBContext context;
    private final MessageLog messageLog;
    private final Clock clock;

    Ceb311Mapper(MessageLog messageLog, Clock clock) throws JAXBException {
        this.context = JAXBContext.newInstance(CEB311Message.class);
        this.messageLog = messageLog;
        this.clock = clock;
    }

    public CustomsMessage map(SubmittedOrder submitted) throws JAXBException {
        OrderOrigin origin = submitted.origin();
        Merchant merchant = origin.merchant();
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(CUSTOMS_TIME));
        String version = merchant.schemaVersionOn(now.toLocalDate());
        if (!SCHEMA_VERSION.equals(version)) {
            throw new IllegalStateException("schema version " + version + " of merchant " + merchant.id()
                    + " is not supported yet");
        }
        String guid = newGuid();
        CEB311Message message = new CEB311Message();
        message.setGuid(guid);
        message.setVersion("1.0");
        CEB311Message.Order order = new CEB311Message.Order();
        order.setOrderHead(head(submitted.order(), merchant, guid, APP_TIME.format(now)));
        submitted.order().lines().forEach(line -> order.getOrderList().add(line(line)));
        message.getOrder().add(order);
        message.setBaseTransfer(baseTransfer(merchant.customs()));

        Document document = SecureXml.newDocument();
        Marshaller marshaller = context.createMarshaller();
        marshaller.setProperty("org.glassfish.jaxb.namespacePrefixMapper", CustomsPrefixes.INSTANCE);
        marshaller.marshal(message, document);
        document.setXmlStandalone(true);
        CustomsMessage result = new CustomsMessage(origin, "CEB311", SCHEMA_SET, guid, document);
        messageLog.recordMessage(result, LogStage.MAPPED, "customs-xml", SecureXml.serialize(document));
        return result;
    }

    /** 36 upper-case characters, as the specification asks ("英文字母大写"). */
    static String newGuid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    private static OrderHead head(CanonicalOrder o, Merchant merchant, String guid, String appTime) {
        OrderHead head = new OrderHead();
        head.setGuid(guid);
        head.setAppType("1");      // 新增 (new declaration)
        head.setAppTime(appTime);
        head.setAppStatus("2");    // 申报 (declare, not just store)
        head.setOrderType("I");    // import
        head.setOrderNo(o.orderNo());
        head.setEbpCode(merchant.customs().ebpCode());
        head.setEbpName(merchant.customs().ebpName());
        head.setEbcCode(merchant.customs().ebcCode());
        head.setEbcName(merchant.customs().ebcName());
        head.setGoodsValue(o.goodsValue());
        head.setFreight(o.freight());
        head.setDiscount(o.discount());
        head.setTaxTotal(o.taxTotal());
        head.setActuralPaid(o.actualPaid() != null ? o.actualPaid() : computedPaid(o));
        head.setCurrency(RMB);
        head.setBuyerRegNo(o.buyer().regNo());
        head.setBuyerName(o.buyer().name());
        head.setBuyerTelephone(o.buyer().telephone());
        head.setBuyerIdType(o.buyer().idType());
        head.setBuyerIdNumber(o.buyer().idNumber());
        head.setPayCode(o.payment().payCode());
        head.setPayName(o.payment().payName());
        head.setPayTransactionId(o.payment().transactionId());
        head.setConsignee(o.consignee().name());
        head.setConsigneeTelephone(o.consignee().telephone());
        head.setConsigneeAddress(o.consignee().address());
        head.setConsigneeDistrict(o.consignee().district());
        head.setNote(o.note());
        return head;
    }

    /** acturalPaid = goodsValue + freight + taxTotal - discount (SPEC22, OrderHead). */
    static BigDecimal computedPaid(CanonicalOrder o) {
        return o.goodsValue().add(o.freight()).add(o.taxTotal()).subtract(o.discount());
    }

    private static OrderList line(OrderLine l) {
        OrderList line = new OrderList();
        line.setGnum(l.gnum());
        line.setItemNo(l.itemNo());
        line.setItemName(l.itemName());
        line.setGmodel(l.model());
        line.setBarCode(l.barCode());
        line.setUnit(l.unit());
        line.setQty(l.quantity());
        line.setPrice(l.price());
        line.setTotalPrice(l.totalPrice());
        line.setCurrency(RMB);
        line.setCountry(l.country());
        line.setNote(l.note());
        return line;
    }

    private static BaseTransfer baseTransfer(Merchant.CustomsIdentity customs) {
        BaseTransfer transfer = new BaseTransfer();
        transfer.setCopCode(customs.copCode());
        transfer.setCopName(customs.copName());
        transfer.setDxpMode("DXP");
        transfer.setDxpId(customs.dxpId());
        return transfer;
    }
}
