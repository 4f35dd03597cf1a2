package dev.customsgateway.mapping;

import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.core.OrderLine;
import dev.customsgateway.schema.ceb202205.imports.BaseTransfer;
import dev.customsgateway.schema.ceb202205.imports.CEB311Message;
import dev.customsgateway.schema.ceb202205.imports.OrderHead;
import dev.customsgateway.schema.ceb202205.imports.OrderList;

/** Builds a CEB311Message (import e-commerce order) for one canonical order, declared by a platform or enterprise. */
final class ImportOrderBuilder {

    private ImportOrderBuilder() {
    }

    static CEB311Message build(MessageContext c) {
        CEB311Message message = new CEB311Message();
        message.setGuid(c.guid());
        message.setVersion("1.0");
        CEB311Message.Order order = new CEB311Message.Order();
        order.setOrderHead(head(c));
        c.order().lines().forEach(line -> order.getOrderList().add(line(line)));
        message.getOrder().add(order);
        message.setBaseTransfer(baseTransfer(c.merchant().customs()));
        return message;
    }

    private static OrderHead head(MessageContext c) {
        CanonicalOrder o = c.order();
        Merchant.CustomsIdentity customs = c.merchant().customs();
        OrderHead head = new OrderHead();
        head.setGuid(c.guid());
        head.setAppType(c.appType());
        head.setAppTime(c.appTime());
        head.setAppStatus(MessageContext.APP_STATUS_DECLARE);
        head.setOrderType("I");
        head.setOrderNo(o.orderNo());
        head.setEbpCode(customs.ebpCode());
        head.setEbpName(customs.ebpName());
        head.setEbcCode(customs.ebcCode());
        head.setEbcName(customs.ebcName());
        head.setGoodsValue(o.goodsValue());
        head.setFreight(o.freight());
        head.setDiscount(o.discount());
        head.setTaxTotal(o.taxTotal());
        head.setActuralPaid(c.actualPaid());
        head.setCurrency(MessageContext.RMB);
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
        line.setCurrency(MessageContext.RMB);
        line.setCountry(l.country());
        line.setNote(l.note());
        return line;
    }

    static BaseTransfer baseTransfer(Merchant.CustomsIdentity customs) {
        BaseTransfer transfer = new BaseTransfer();
        transfer.setCopCode(customs.copCode());
        transfer.setCopName(customs.copName());
        transfer.setDxpMode("DXP");
        transfer.setDxpId(customs.dxpId());
        return transfer;
    }
}
