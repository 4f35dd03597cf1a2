package dev.customsgateway.mapping;

import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.core.OrderLine;
import dev.customsgateway.schema.ceb202205.exports.CEB603Message;
import dev.customsgateway.schema.ceb202205.exports.Inventory;
import dev.customsgateway.schema.ceb202205.exports.InventoryHead;
import dev.customsgateway.schema.ceb202205.exports.InventoryList;

/**
 * Builds a CEB603Message (export inventory list), declared by the customs broker (the merchant is the agent; the
 * e-commerce enterprise is the owner). In export the goods lines' country is the destination, and so is the
 * head's; freight and insurance are declared in the order's currency with flag 3 (总价, total).
 */
final class ExportInventoryBuilder {

    private static final String TOTAL = "3";

    private ExportInventoryBuilder() {
    }

    static CEB603Message build(MessageContext c) {
        Inventory inventory = new Inventory();
        inventory.setInventoryHead(head(c));
        c.order().lines().forEach(line -> inventory.getInventoryList().add(line(line, c.order().currency())));
        CEB603Message message = new CEB603Message();
        message.setGuid(c.guid());
        message.setVersion("1.0");
        message.getInventory().add(inventory);
        message.setBaseTransfer(ExportOrderBuilder.baseTransfer(c.merchant().customs()));
        return message;
    }

    private static InventoryHead head(MessageContext c) {
        CanonicalOrder o = c.order();
        Merchant.CustomsIdentity customs = c.merchant().customs();
        CanonicalOrder.Declaration d = o.declaration();
        CanonicalOrder.Logistics l = o.logistics();
        InventoryHead head = new InventoryHead();
        head.setGuid(c.guid());
        head.setAppType(c.appType());
        head.setAppTime(c.appTime());
        head.setAppStatus(MessageContext.APP_STATUS_DECLARE);
        head.setCustomsCode(d.customsCode());
        head.setEbpCode(customs.ebpCode());
        head.setEbpName(customs.ebpName());
        head.setOrderNo(o.orderNo());
        head.setLogisticsCode(l.code());
        head.setLogisticsName(l.name());
        head.setLogisticsNo(l.logisticsNo());
        head.setCopNo(MessageContext.orDefault(d.copNo(), o.orderNo()));
        head.setIeFlag("E");
        head.setPortCode(d.portCode());
        head.setIeDate(c.declTime());
        head.setStatisticsFlag("A"); // 简化申报: the usual for cross-border e-commerce exports
        head.setAgentCode(customs.copCode());
        head.setAgentName(customs.copName());
        head.setEbcCode(customs.ebcCode());
        head.setEbcName(customs.ebcName());
        head.setOwnerCode(customs.ebcCode());
        head.setOwnerName(customs.ebcName());
        head.setEmsNo(d.emsNo());
        head.setTradeMode(d.tradeMode());
        head.setTrafMode(d.trafMode());
        head.setVoyageNo(d.voyageNo());
        head.setBillNo(l.billNo());
        head.setLoctNo(d.loctNo());
        head.setLicenseNo(d.licenseNo());
        head.setCountry(o.lines().isEmpty() ? null : o.lines().get(0).country());
        head.setPOD(d.destinationPort());
        head.setFreight(o.freight());
        head.setFCurrency(o.currency());
        head.setFFlag(TOTAL);
        head.setInsuredFee(MessageContext.zeroIfNull(l.insuredFee()));
        head.setICurrency(o.currency());
        head.setIFlag(TOTAL);
        head.setWrapType(d.wrapType());
        head.setPackNo(MessageContext.packages(l.packNo()));
        head.setGrossWeight(l.grossWeight());
        head.setNetWeight(l.netWeight());
        head.setNote(o.note());
        return head;
    }

    private static InventoryList line(OrderLine l, String currency) {
        InventoryList line = new InventoryList();
        line.setGnum(l.gnum());
        line.setItemNo(MessageContext.orDefault(l.itemNo(), ""));
        line.setItemRecordNo(l.customs().itemRecordNo());
        line.setItemName(l.itemName());
        line.setGcode(l.customs().hsCode());
        line.setGname(l.itemName());
        line.setGmodel(l.model());
        line.setBarCode(MessageContext.orDefault(l.barCode(), "无"));
        line.setCountry(l.country());
        line.setCurrency(currency);
        line.setQty(l.quantity());
        line.setQty1(l.customs().legalQty());
        line.setQty2(l.customs().secondQty());
        line.setUnit(l.unit());
        line.setUnit1(l.customs().legalUnit());
        line.setUnit2(l.customs().secondUnit());
        line.setPrice(l.price());
        line.setTotalPrice(l.totalPrice());
        line.setNote(l.note());
        return line;
    }
}
