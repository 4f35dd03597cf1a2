package dev.customsgateway.customs;

import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.OrderLine;
import java.util.Set;

/**
 * The rules of each import family beyond the common ones: who the buyer is (orders, payments and inventory
 * lists name them, and customs checks the identity number), what a payment, a waybill and an inventory list
 * must carry.
 */
final class ImportRules {

    /** Bonded e-commerce imports (保税电商, 保税电商A). */
    private static final Set<String> BONDED = Set.of("1210", "1239");
    private static final String CHINA = "142";

    private ImportRules() {
    }

    /** CEB311: buyer, consignee and payment fields. */
    static void order(CanonicalOrder o, FieldChecks f) {
        int row = o.sourceRow();
        buyer(o, f);
        consignee(o, f);
        f.length(row, OrderField.PAY_CODE, o.payment().payCode());
        f.length(row, OrderField.PAY_NAME, o.payment().payName());
        f.length(row, OrderField.PAY_TRANSACTION_ID, o.payment().transactionId());
    }

    /** CEB411: the payer (the buyer), the transaction, when it was paid. */
    static void payment(CanonicalOrder o, FieldChecks f) {
        int row = o.sourceRow();
        buyer(o, f);
        OrderField txn = OrderField.PAY_TRANSACTION_ID;
        if (o.payment().transactionId() == null) {
            f.add(row, txn, null, "FIELD_REQUIRED", txn.label() + " is required for a payment voucher");
        } else {
            f.length(row, txn, o.payment().transactionId());
        }
        String paidAt = o.payment().payTime() != null ? o.payment().payTime() : o.orderTime();
        f.pattern(row, OrderField.PAY_TIME, paidAt, OrderRules.customsTime(), "TIME_FORMAT",
                "a time yyyyMMddHHmmss (map payTime, or orderTime, with a date transform)");
    }

    /** CEB511: the waybill number, the parcel's weight, and the consignee (which must equal the order's). */
    static void waybill(CanonicalOrder o, FieldChecks f) {
        int row = o.sourceRow();
        CanonicalOrder.Logistics l = o.logistics();
        f.length(row, OrderField.LOGISTICS_NO, l.logisticsNo());
        f.length(row, OrderField.BILL_NO, l.billNo());
        f.length(row, OrderField.GOODS_INFO, l.goodsInfo());
        f.requiredAmount(row, OrderField.GROSS_WEIGHT, l.grossWeight(), false);
        f.amount(row, OrderField.INSURED_FEE, l.insuredFee());
        consignee(o, f);
    }

    /** CEB621: clearance codes, the carrier, weights, and per line the HS code and legal quantity. */
    static void inventory(CanonicalOrder o, FieldChecks f, CodeLists codes) {
        int row = o.sourceRow();
        CanonicalOrder.Declaration d = o.declaration();
        CanonicalOrder.Logistics l = o.logistics();
        buyer(o, f);
        f.length(row, OrderField.CONSIGNEE_ADDRESS, o.consignee().address());
        f.length(row, OrderField.LOGISTICS_NO, l.logisticsNo());
        f.length(row, OrderField.LOGISTICS_CODE, l.code());
        f.length(row, OrderField.LOGISTICS_NAME, l.name());
        f.length(row, OrderField.COP_NO, d.copNo());
        f.length(row, OrderField.ASSURE_CODE, d.assureCode());
        f.length(row, OrderField.EMS_NO, d.emsNo());
        f.pattern(row, OrderField.CUSTOMS_CODE, d.customsCode(), OrderRules.customsCode(), "CUSTOMS_CODE_FORMAT",
                "a 4-digit customs district code (关区代码, e.g. 5141)");
        f.pattern(row, OrderField.PORT_CODE, d.portCode(), OrderRules.customsCode(), "CUSTOMS_CODE_FORMAT",
                "a 4-digit customs district code (关区代码)");
        f.code(row, OrderField.TRADE_MODE, d.tradeMode(), true, m -> codes.tradeMode(m).isPresent(),
                "TRADE_MODE_UNKNOWN", "a customs trade mode (9610 直购进口, 1210 保税电商, ...)");
        f.code(row, OrderField.TRAF_MODE, d.trafMode(), true, m -> codes.transportMode(m).isPresent(),
                "TRANSPORT_MODE_UNKNOWN", "a customs transport mode code (e.g. 2 水路运输, 4 公路运输, 5 航空运输)");
        f.code(row, OrderField.DEPARTURE_COUNTRY, d.departureCountry(), true, c -> codes.country(c).isPresent(),
                "COUNTRY_UNKNOWN", "a customs country code (142 for bonded goods)");
        if (BONDED.contains(d.tradeMode()) && d.departureCountry() != null && !d.departureCountry().isEmpty()
                && !CHINA.equals(d.departureCountry())) {
            // IMP22 InventoryHead/country: "保税进口填写代码142" - the goods leave a bonded zone in China
            f.add(row, OrderField.DEPARTURE_COUNTRY, d.departureCountry(), "BONDED_COUNTRY_NOT_142",
                    OrderField.DEPARTURE_COUNTRY.label() + " must be 142 (中国) for bonded imports (trade mode "
                            + d.tradeMode() + "); the departure country is given only for direct imports (9610)");
        }
        f.code(row, OrderField.WRAP_TYPE, d.wrapType(), false, w -> codes.wrapType(w).isPresent(),
                "WRAP_TYPE_UNKNOWN", "a customs package type code (1 木箱 ... 7 其它)");
        f.requiredAmount(row, OrderField.GROSS_WEIGHT, l.grossWeight(), false);
        f.requiredAmount(row, OrderField.NET_WEIGHT, l.netWeight(), false);
        if (l.grossWeight() != null && l.netWeight() != null && l.netWeight().compareTo(l.grossWeight()) > 0) {
            f.add(row, OrderField.NET_WEIGHT, l.netWeight().toPlainString(), "NET_WEIGHT_ABOVE_GROSS",
                    OrderField.NET_WEIGHT.label() + " cannot exceed the gross weight " + l.grossWeight().toPlainString());
        }
        for (OrderLine line : o.lines()) {
            int r = line.sourceRow();
            f.pattern(r, OrderField.HS_CODE, line.customs().hsCode(), OrderRules.hsCode(), "HS_CODE_FORMAT",
                    "a 10-digit HS code (海关商品编码)");
            f.code(r, OrderField.LEGAL_UNIT, line.customs().legalUnit(), true, u -> codes.unit(u).isPresent(),
                    "UNIT_UNKNOWN", "a customs unit code (the legal unit of the HS code, e.g. 035 千克)");
            f.requiredAmount(r, OrderField.LEGAL_QTY, line.customs().legalQty(), false);
            inventoryItemNo(r, line, f);
        }
    }

    /**
     * The inventory list takes at most 20 characters of the item number (202205; the order's limit is 30). A
     * longer one is reported once, by the common length check, when it breaks that limit too.
     */
    static void inventoryItemNo(int row, OrderLine line, FieldChecks f) {
        String itemNo = line.itemNo();
        if (itemNo != null && itemNo.codePointCount(0, itemNo.length()) <= OrderField.ITEM_NO.maxLength) {
            f.length(row, OrderField.INVENTORY_ITEM_NO, itemNo);
        }
    }

    private static void buyer(CanonicalOrder o, FieldChecks f) {
        int row = o.sourceRow();
        CanonicalOrder.Buyer buyer = o.buyer();
        f.length(row, OrderField.BUYER_REG_NO, buyer.regNo());
        f.length(row, OrderField.BUYER_NAME, buyer.name());
        f.length(row, OrderField.BUYER_PHONE, buyer.telephone());
        if (!"1".equals(buyer.idType())) {
            f.add(row, OrderField.BUYER_ID_TYPE, buyer.idType(), "BUYER_ID_TYPE_NOT_ALLOWED",
                    OrderField.BUYER_ID_TYPE.label() + " must be 1 (身份证, resident identity card): customs "
                            + "accepts only that for imports");
        } else if (f.length(row, OrderField.BUYER_ID_NUMBER, buyer.idNumber())
                && !ChineseResidentId.isValid(buyer.idNumber())) {
            f.add(row, OrderField.BUYER_ID_NUMBER, buyer.idNumber(), "BUYER_ID_NUMBER_INVALID",
                    OrderField.BUYER_ID_NUMBER.label() + " is not a valid 18-character resident identity "
                            + "number (date of birth or check character wrong)");
        }
    }

    private static void consignee(CanonicalOrder o, FieldChecks f) {
        int row = o.sourceRow();
        CanonicalOrder.Consignee c = o.consignee();
        f.length(row, OrderField.CONSIGNEE, c.name());
        f.length(row, OrderField.CONSIGNEE_PHONE, c.telephone());
        f.length(row, OrderField.CONSIGNEE_ADDRESS, c.address());
        if (c.district() != null && !OrderRules.district().matcher(c.district()).matches()) {
            f.add(row, OrderField.CONSIGNEE_DISTRICT, c.district(), "DISTRICT_INVALID",
                    OrderField.CONSIGNEE_DISTRICT.label() + " must be a 6-digit administrative division code");
        }
    }
}
