package dev.customsgateway.customs;

import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.OrderLine;

/**
 * The rules of the export waybill (CEB505) and inventory list (CEB603) beyond the common ones. No buyer
 * identity here: export declarations name the enterprise, not the foreign buyer.
 */
final class ExportRules {

    /** CEB603 {@code copNo} (企业唯一编号) is required and at most 30 characters (EXP22). */
    private static final int COP_NO_MAX = 30;

    private ExportRules() {
    }

    /** CEB505: the waybill number and the parcel's weight. */
    static void waybill(CanonicalOrder o, FieldChecks f) {
        int row = o.sourceRow();
        f.length(row, OrderField.LOGISTICS_NO, o.logistics().logisticsNo());
        f.length(row, OrderField.GOODS_INFO, o.logistics().goodsInfo());
        f.requiredAmount(row, OrderField.GROSS_WEIGHT, o.logistics().grossWeight(), false);
        f.amount(row, OrderField.INSURED_FEE, o.logistics().insuredFee());
    }

    /** CEB603: clearance codes, carrier, package type, destination port, weights; HS code and legal quantity. */
    static void inventory(CanonicalOrder o, FieldChecks f, CodeLists codes) {
        int row = o.sourceRow();
        CanonicalOrder.Declaration d = o.declaration();
        CanonicalOrder.Logistics l = o.logistics();
        f.length(row, OrderField.LOGISTICS_NO, l.logisticsNo());
        f.length(row, OrderField.LOGISTICS_CODE, l.code());
        f.length(row, OrderField.LOGISTICS_NAME, l.name());
        f.pattern(row, OrderField.CUSTOMS_CODE, d.customsCode(), OrderRules.customsCode(), "CUSTOMS_CODE_FORMAT",
                "a 4-digit customs district code (关区代码)");
        f.pattern(row, OrderField.PORT_CODE, d.portCode(), OrderRules.customsCode(), "CUSTOMS_CODE_FORMAT",
                "a 4-digit customs district code (关区代码)");
        f.code(row, OrderField.TRADE_MODE, d.tradeMode(), true, m -> codes.tradeMode(m).isPresent(),
                "TRADE_MODE_UNKNOWN", "a customs trade mode (9610, 9710, 9810, 1210, ...)");
        f.code(row, OrderField.TRAF_MODE, d.trafMode(), true, m -> codes.transportMode(m).isPresent(),
                "TRANSPORT_MODE_UNKNOWN", "a customs transport mode code");
        f.code(row, OrderField.WRAP_TYPE, d.wrapType(), true, w -> codes.wrapType(w).isPresent(),
                "WRAP_TYPE_UNKNOWN", "a customs package type code (1 木箱 ... 7 其它)");
        f.length(row, OrderField.DESTINATION_PORT, d.destinationPort());
        boolean copNoGiven = d.copNo() != null && !d.copNo().isEmpty();
        if (!copNoGiven && o.orderNo().codePointCount(0, o.orderNo().length()) > COP_NO_MAX) {
            // the mapping falls back to the order number, which may be up to 60 characters: say so here,
            // rather than let the schema refuse the signed message
            f.add(row, OrderField.COP_NO, null, "FIELD_LENGTH", "copNo (企业唯一编号) is required in an export "
                    + "inventory list and defaults to the order number, which is longer than " + COP_NO_MAX
                    + " characters; give cop_no");
        }
        f.requiredAmount(row, OrderField.GROSS_WEIGHT, l.grossWeight(), false);
        f.requiredAmount(row, OrderField.NET_WEIGHT, l.netWeight(), false);
        for (OrderLine line : o.lines()) {
            int r = line.sourceRow();
            f.pattern(r, OrderField.HS_CODE, line.customs().hsCode(), OrderRules.hsCode(), "HS_CODE_FORMAT",
                    "a 10-digit HS code (海关商品编码)");
            f.code(r, OrderField.LEGAL_UNIT, line.customs().legalUnit(), true, u -> codes.unit(u).isPresent(),
                    "UNIT_UNKNOWN", "a customs unit code (the legal unit of the HS code)");
            f.requiredAmount(r, OrderField.LEGAL_QTY, line.customs().legalQty(), false);
            ImportRules.inventoryItemNo(r, line, f);
        }
    }
}
