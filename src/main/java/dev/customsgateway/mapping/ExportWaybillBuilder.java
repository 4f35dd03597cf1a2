package dev.customsgateway.mapping;

import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.core.OrderLine;
import dev.customsgateway.schema.ceb202205.exports.CEB505Message;
import dev.customsgateway.schema.ceb202205.exports.Logistics;
import java.util.stream.Collectors;

/**
 * Builds a CEB505Message (export waybill), declared by the logistics company: the merchant unless the order
 * names another carrier. The main goods (goodsInfo) default to the order's item names.
 */
final class ExportWaybillBuilder {

    private ExportWaybillBuilder() {
    }

    static CEB505Message build(MessageContext c) {
        CanonicalOrder o = c.order();
        Merchant.CustomsIdentity customs = c.merchant().customs();
        CanonicalOrder.Logistics l = o.logistics();
        Logistics logistics = new Logistics();
        logistics.setGuid(c.guid());
        logistics.setAppType(c.appType());
        logistics.setAppTime(c.appTime());
        logistics.setAppStatus(MessageContext.APP_STATUS_DECLARE);
        logistics.setLogisticsCode(MessageContext.orDefault(l.code(), customs.copCode()));
        logistics.setLogisticsName(MessageContext.orDefault(l.name(), customs.copName()));
        logistics.setLogisticsNo(l.logisticsNo());
        logistics.setFreight(o.freight());
        logistics.setInsuredFee(MessageContext.zeroIfNull(l.insuredFee()));
        logistics.setCurrency(o.currency());
        logistics.setGrossWeight(l.grossWeight());
        logistics.setPackNo(MessageContext.packages(l.packNo()));
        logistics.setGoodsInfo(MessageContext.orDefault(l.goodsInfo(), goods(o)));
        logistics.setEbcCode(customs.ebcCode());
        logistics.setEbcName(customs.ebcName());
        logistics.setNote(o.note());
        CEB505Message message = new CEB505Message();
        message.setGuid(c.guid());
        message.setVersion("1.0");
        message.getLogistics().add(logistics);
        message.setBaseTransfer(ExportOrderBuilder.baseTransfer(customs));
        return message;
    }

    private static String goods(CanonicalOrder o) {
        String names = o.lines().stream().map(OrderLine::itemName).distinct().collect(Collectors.joining(","));
        return names.length() > 200 ? names.substring(0, 200) : names;
    }
}
