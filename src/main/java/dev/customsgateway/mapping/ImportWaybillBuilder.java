package dev.customsgateway.mapping;

import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.schema.ceb202205.imports.CEB511Message;
import dev.customsgateway.schema.ceb202205.imports.LogisticsHead;

/**
 * Builds a CEB511Message (import waybill), declared by the logistics company carrying the parcel: the merchant
 * unless the order names another carrier. Consignee name, phone and address must equal the order's (customs
 * compares them), so they come from the same canonical fields.
 */
final class ImportWaybillBuilder {

    private ImportWaybillBuilder() {
    }

    static CEB511Message build(MessageContext c) {
        CanonicalOrder o = c.order();
        Merchant merchant = c.merchant();
        CanonicalOrder.Logistics logistics = o.logistics();
        LogisticsHead head = new LogisticsHead();
        head.setGuid(c.guid());
        head.setAppType(c.appType());
        head.setAppTime(c.appTime());
        head.setAppStatus(MessageContext.APP_STATUS_DECLARE);
        head.setLogisticsCode(MessageContext.orDefault(logistics.code(), merchant.customs().copCode()));
        head.setLogisticsName(MessageContext.orDefault(logistics.name(), merchant.customs().copName()));
        head.setLogisticsNo(logistics.logisticsNo());
        head.setBillNo(logistics.billNo());
        head.setOrderNo(o.orderNo());
        head.setFreight(o.freight());
        head.setInsuredFee(logistics.insuredFee());
        head.setCurrency(MessageContext.RMB);
        head.setWeight(logistics.grossWeight());
        head.setPackNo(1); // the specification: "限定为1"
        head.setGoodsInfo(logistics.goodsInfo());
        head.setConsignee(o.consignee().name());
        head.setConsigneeAddress(o.consignee().address());
        head.setConsigneeTelephone(o.consignee().telephone());
        head.setNote(o.note());
        CEB511Message.Logistics wrapper = new CEB511Message.Logistics();
        wrapper.setLogisticsHead(head);
        CEB511Message message = new CEB511Message();
        message.setGuid(c.guid());
        message.setVersion("1.0");
        message.getLogistics().add(wrapper);
        message.setBaseTransfer(ImportOrderBuilder.baseTransfer(merchant.customs()));
        return message;
    }
}
