package dev.customsgateway.customs;

import dev.customsgateway.core.CanonicalField;

/**
 * The fields of a CEB311 order the rules check: the canonical field it comes from, the customs element, its
 * Chinese name from the specification, and its length limits from the 202205 import XSD.
 */
enum OrderField {
    ORDER_NO(CanonicalField.ORDER_NO, "orderNo", "订单编号", 1, 60),
    BUYER_REG_NO(CanonicalField.BUYER_REG_NO, "buyerRegNo", "订购人注册号", 1, 60),
    BUYER_NAME(CanonicalField.BUYER_NAME, "buyerName", "订购人姓名", 1, 60),
    BUYER_ID_TYPE(CanonicalField.BUYER_ID_TYPE, "buyerIdType", "订购人证件类型", 1, 1),
    BUYER_ID_NUMBER(CanonicalField.BUYER_ID_NUMBER, "buyerIdNumber", "订购人证件号码", 1, 60),
    BUYER_PHONE(CanonicalField.BUYER_PHONE, "buyerTelephone", "订购人电话", 1, 30),
    CONSIGNEE(CanonicalField.CONSIGNEE, "consignee", "收货人姓名", 1, 100),
    CONSIGNEE_PHONE(CanonicalField.CONSIGNEE_PHONE, "consigneeTelephone", "收货人电话", 1, 50),
    CONSIGNEE_ADDRESS(CanonicalField.CONSIGNEE_ADDRESS, "consigneeAddress", "收货地址", 1, 200),
    CONSIGNEE_DISTRICT(CanonicalField.CONSIGNEE_DISTRICT, "consigneeDistrict", "收货地址行政区划代码", 6, 6),
    FREIGHT(CanonicalField.FREIGHT, "freight", "运杂费", 0, 0),
    DISCOUNT(CanonicalField.DISCOUNT, "discount", "非现金抵扣金额", 0, 0),
    TAX_TOTAL(CanonicalField.TAX_TOTAL, "taxTotal", "代扣税款", 0, 0),
    ACTUAL_PAID(CanonicalField.ACTUAL_PAID, "acturalPaid", "实际支付金额", 0, 0),
    CURRENCY(CanonicalField.CURRENCY, "currency", "币制", 3, 3),
    PAY_CODE(CanonicalField.PAY_CODE, "payCode", "支付企业代码", 0, 18),
    PAY_NAME(CanonicalField.PAY_NAME, "payName", "支付企业名称", 0, 100),
    PAY_TRANSACTION_ID(CanonicalField.PAY_TRANSACTION_ID, "payTransactionId", "支付交易编号", 0, 60),
    ORDER_NOTE(CanonicalField.ORDER_NOTE, "note", "备注", 0, 1000),
    ITEM_NO(CanonicalField.ITEM_NO, "itemNo", "企业商品货号", 0, 30),
    /** The inventory lists' own limit (CEB621 since 202205, CEB603): stricter than the order's. */
    INVENTORY_ITEM_NO(CanonicalField.ITEM_NO, "itemNo", "企业商品货号", 0, 20),
    ITEM_NAME(CanonicalField.ITEM_NAME, "itemName", "企业商品名称", 1, 250),
    ITEM_MODEL(CanonicalField.ITEM_MODEL, "gmodel", "商品规格型号", 1, 510),
    BAR_CODE(CanonicalField.BAR_CODE, "barCode", "条形码", 0, 50),
    UNIT(CanonicalField.UNIT, "unit", "计量单位", 3, 3),
    QTY(CanonicalField.QTY, "qty", "数量", 0, 0),
    PRICE(CanonicalField.PRICE, "price", "单价", 0, 0),
    TOTAL_PRICE(CanonicalField.TOTAL_PRICE, "totalPrice", "总价", 0, 0),
    COUNTRY(CanonicalField.COUNTRY, "country", "原产国", 3, 3),
    DECLARATION_TYPE(CanonicalField.DECLARATION_TYPE, "appType", "企业报送类型", 1, 1),
    PAY_TIME(CanonicalField.PAY_TIME, "payTime", "支付时间", 14, 14),
    LOGISTICS_CODE(CanonicalField.LOGISTICS_CODE, "logisticsCode", "物流企业代码", 1, 18),
    LOGISTICS_NAME(CanonicalField.LOGISTICS_NAME, "logisticsName", "物流企业名称", 1, 100),
    LOGISTICS_NO(CanonicalField.LOGISTICS_NO, "logisticsNo", "物流运单编号", 1, 60),
    BILL_NO(CanonicalField.BILL_NO, "billNo", "提运单号", 0, 37),
    GROSS_WEIGHT(CanonicalField.GROSS_WEIGHT, "grossWeight", "毛重", 0, 0),
    NET_WEIGHT(CanonicalField.NET_WEIGHT, "netWeight", "净重", 0, 0),
    INSURED_FEE(CanonicalField.INSURED_FEE, "insuredFee", "保价费", 0, 0),
    GOODS_INFO(CanonicalField.GOODS_INFO, "goodsInfo", "主要货物信息", 0, 200),
    COP_NO(CanonicalField.COP_NO, "copNo", "企业内部编号", 0, 20),
    ASSURE_CODE(CanonicalField.ASSURE_CODE, "assureCode", "担保企业编号", 1, 30),
    EMS_NO(CanonicalField.EMS_NO, "emsNo", "账册编号", 0, 30),
    CUSTOMS_CODE(CanonicalField.CUSTOMS_CODE, "customsCode", "申报地海关代码", 4, 4),
    PORT_CODE(CanonicalField.PORT_CODE, "portCode", "口岸海关代码", 4, 4),
    TRADE_MODE(CanonicalField.TRADE_MODE, "tradeMode", "贸易方式", 4, 4),
    TRAF_MODE(CanonicalField.TRAF_MODE, "trafMode", "运输方式", 1, 1),
    DEPARTURE_COUNTRY(CanonicalField.DEPARTURE_COUNTRY, "country", "起运国（地区）", 3, 3),
    DESTINATION_PORT(CanonicalField.DESTINATION_PORT, "POD", "指运港代码", 3, 4),
    WRAP_TYPE(CanonicalField.WRAP_TYPE, "wrapType", "包装种类代码", 0, 1),
    HS_CODE(CanonicalField.HS_CODE, "gcode", "海关商品编码", 10, 10),
    LEGAL_UNIT(CanonicalField.LEGAL_UNIT, "unit1", "法定计量单位", 3, 3),
    LEGAL_QTY(CanonicalField.LEGAL_QTY, "qty1", "法定数量", 0, 0),
    ITEM_NOTE(CanonicalField.LINE_NOTE, "note", "备注", 0, 1000);

    final CanonicalField canonical;
    final String element;
    final String chinese;
    final int minLength;
    final int maxLength;

    OrderField(CanonicalField canonical, String element, String chinese, int minLength, int maxLength) {
        this.canonical = canonical;
        this.element = element;
        this.chinese = chinese;
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    /** How error messages name the field: the customs element with its Chinese name. */
    String label() {
        return element + " (" + chinese + ")";
    }
}
