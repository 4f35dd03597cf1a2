package dev.customsgateway.mapping;

import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.core.OrderLine;
import dev.customsgateway.schema.ceb202205.imports.CEB621Message;
import dev.customsgateway.schema.ceb202205.imports.InventoryHead;
import dev.customsgateway.schema.ceb202205.imports.InventoryList;

/**
 * Builds a CEB621Message (import inventory list, 清单), declared by the customs broker (the merchant is the
 * agent). Goods lines keep the order's gnum sequence, since customs matches them to the order's lines; the
 * clearance details (customs and port codes, trade mode, guarantor, weights) come from the canonical order's
 * declaration and logistics, usually profile constants.
 */
final class ImportInventoryBuilder {

    private ImportInventoryBuilder() {
    }

    static CEB621Message build(MessageContext c) {
        CEB621Message.Inventory inventory = new CEB621Message.Inventory();
        inventory.setInventoryHead(head(c));
        c.order().lines().forEach(line -> inventory.getInventoryList().add(line(line)));
        CEB621Message message = new CEB621Message();
        message.setGuid(c.guid());
        message.setVersion("1.0");
        message.getInventory().add(inventory);
        message.setBaseTransfer(ImportOrderBuilder.baseTransfer(c.merchant().customs()));
        return message;
    }

    private static InventoryHead head(MessageContext c) {
        CanonicalOrder o = c.order();
        Merchant.CustomsIdentity customs = c.merchant().customs();
        CanonicalOrder.Declaration d = o.declaration();
        CanonicalOrder.Logistics logistics = o.logistics();
        InventoryHead head = new InventoryHead();
        head.setGuid(c.guid());
        head.setAppType(c.appType());
        head.setAppTime(c.appTime());
        head.setAppStatus(MessageContext.APP_STATUS_DECLARE);
        head.setOrderNo(o.orderNo());
        head.setEbpCode(customs.ebpCode());
        head.setEbpName(customs.ebpName());
        head.setEbcCode(customs.ebcCode());
        head.setEbcName(customs.ebcName());
        head.setLogisticsNo(logistics.logisticsNo());
        head.setLogisticsCode(logistics.code());
        head.setLogisticsName(logistics.name());
        head.setCopNo(MessageContext.orDefault(d.copNo(), o.orderNo().length() <= 20 ? o.orderNo() : null));
        head.setAssureCode(d.assureCode());
        head.setEmsNo(d.emsNo());
        head.setIeFlag("I");
        head.setDeclTime(c.declTime());
        head.setCustomsCode(d.customsCode());
        head.setPortCode(d.portCode());
        head.setBuyerIdType(o.buyer().idType());
        head.setBuyerIdNumber(o.buyer().idNumber());
        head.setBuyerName(o.buyer().name());
        head.setBuyerTelephone(o.buyer().telephone());
        head.setConsigneeAddress(o.consignee().address());
        head.setAgentCode(customs.copCode());
        head.setAgentName(customs.copName());
        head.setAreaCode(d.areaCode());
        head.setAreaName(d.areaName());
        head.setTradeMode(d.tradeMode());
        head.setTrafMode(d.trafMode());
        head.setTrafNo(d.trafNo());
        head.setVoyageNo(d.voyageNo());
        head.setBillNo(logistics.billNo());
        head.setLoctNo(d.loctNo());
        head.setLicenseNo(d.licenseNo());
        head.setCountry(d.departureCountry());
        head.setFreight(o.freight());
        head.setInsuredFee(MessageContext.zeroIfNull(logistics.insuredFee()));
        head.setCurrency(MessageContext.RMB);
        head.setWrapType(d.wrapType());
        head.setPackNo(MessageContext.packages(logistics.packNo()));
        head.setGrossWeight(logistics.grossWeight());
        head.setNetWeight(logistics.netWeight());
        head.setNote(o.note());
        return head;
    }

    private static InventoryList line(OrderLine l) {
        InventoryList line = new InventoryList();
        line.setGnum(l.gnum());
        line.setItemRecordNo(l.customs().itemRecordNo());
        line.setItemNo(l.itemNo());
        line.setItemName(l.itemName());
        line.setGcode(l.customs().hsCode());
        line.setGname(l.itemName());
        line.setGmodel(l.model());
        line.setBarCode(MessageContext.orDefault(l.barCode(), "无")); // the specification: "无" when there is none
        line.setCountry(l.country());
        line.setTradeCountry(l.customs().tradeCountry());
        line.setCurrency(MessageContext.RMB);
        line.setQty(l.quantity());
        line.setUnit(l.unit());
        line.setQty1(l.customs().legalQty());
        line.setUnit1(l.customs().legalUnit());
        line.setQty2(l.customs().secondQty());
        line.setUnit2(l.customs().secondUnit());
        line.setPrice(l.price());
        line.setTotalPrice(l.totalPrice());
        line.setNote(l.note());
        return line;
    }
}
