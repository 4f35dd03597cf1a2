package dev.customsgateway.mapping;

import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.core.OrderLine;
import dev.customsgateway.schema.ceb202205.exports.BaseTransfer;
import dev.customsgateway.schema.ceb202205.exports.CEB303Message;
import dev.customsgateway.schema.ceb202205.exports.Order;
import dev.customsgateway.schema.ceb202205.exports.OrderHead;
import dev.customsgateway.schema.ceb202205.exports.OrderList;

/**
 * Builds a CEB303Message (export e-commerce order). Much smaller than the import order: no buyer identity, and
 * the currency is the order's own (not fixed to RMB).
 */
final class ExportOrderBuilder {

    private ExportOrderBuilder() {
    }

    static CEB303Message build(MessageContext c) {
        CanonicalOrder o = c.order();
        Merchant.CustomsIdentity customs = c.merchant().customs();
        OrderHead head = new OrderHead();
        head.setGuid(c.guid());
        head.setAppType(c.appType());
        head.setAppTime(c.appTime());
        head.setAppStatus(MessageContext.APP_STATUS_DECLARE);
        head.setOrderType("E");
        head.setOrderNo(o.orderNo());
        head.setEbpCode(customs.ebpCode());
        head.setEbpName(customs.ebpName());
        head.setEbcCode(customs.ebcCode());
        head.setEbcName(customs.ebcName());
        head.setGoodsValue(o.goodsValue());
        head.setFreight(o.freight());
        head.setCurrency(o.currency());
        head.setNote(o.note());
        Order order = new Order();
        order.setOrderHead(head);
        for (OrderLine l : o.lines()) {
            OrderList line = new OrderList();
            line.setGnum(l.gnum());
            line.setItemNo(l.itemNo());
            line.setItemName(l.itemName());
            line.setItemDescribe(l.model());
            line.setBarCode(l.barCode());
            line.setUnit(l.unit());
            line.setCurrency(o.currency());
            line.setQty(l.quantity());
            line.setPrice(l.price());
            line.setTotalPrice(l.totalPrice());
            line.setNote(l.note());
            order.getOrderList().add(line);
        }
        CEB303Message message = new CEB303Message();
        message.setGuid(c.guid());
        message.setVersion("1.0");
        message.getOrder().add(order);
        message.setBaseTransfer(baseTransfer(customs));
        return message;
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
