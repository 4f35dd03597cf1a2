package dev.customsgateway.customs;

/**
 * The fields of a CEB311 order the rules check: the canonical (CSV) column, the customs element, its Chinese
 * name from the specification, its length limits from the 202205 import XSD, and whether it is personal data
 * (masked in every error).
 */
enum OrderField {
    ORDER_NO("order_no", "orderNo", "订单编号", 1, 60, false),
    BUYER_REG_NO("buyer_reg_no", "buyerRegNo", "订购人注册号", 1, 60, true),
    BUYER_NAME("buyer_name", "buyerName", "订购人姓名", 1, 60, true),
    BUYER_ID_TYPE("buyer_id_type", "buyerIdType", "订购人证件类型", 1, 1, false),
    BUYER_ID_NUMBER("buyer_id_number", "buyerIdNumber", "订购人证件号码", 1, 60, true),
    BUYER_PHONE("buyer_phone", "buyerTelephone", "订购人电话", 1, 30, true),
    CONSIGNEE("consignee", "consignee", "收货人姓名", 1, 100, true),
    CONSIGNEE_PHONE("consignee_phone", "consigneeTelephone", "收货人电话", 1, 50, true),
    CONSIGNEE_ADDRESS("consignee_address", "consigneeAddress", "收货地址", 1, 200, true),
    CONSIGNEE_DISTRICT("consignee_district", "consigneeDistrict", "收货地址行政区划代码", 6, 6, false),
    FREIGHT("freight", "freight", "运杂费", 0, 0, false),
    DISCOUNT("discount", "discount", "非现金抵扣金额", 0, 0, false),
    TAX_TOTAL("tax_total", "taxTotal", "代扣税款", 0, 0, false),
    ACTUAL_PAID("actual_paid", "acturalPaid", "实际支付金额", 0, 0, false),
    PAY_CODE("pay_code", "payCode", "支付企业代码", 0, 18, false),
    PAY_NAME("pay_name", "payName", "支付企业名称", 0, 100, false),
    PAY_TRANSACTION_ID("pay_transaction_id", "payTransactionId", "支付交易编号", 0, 60, false),
    ORDER_NOTE("order_note", "note", "备注", 0, 1000, false),
    ITEM_NO("item_no", "itemNo", "企业商品货号", 0, 30, false),
    ITEM_NAME("item_name", "itemName", "企业商品名称", 1, 250, false),
    ITEM_MODEL("item_model", "gmodel", "商品规格型号", 1, 510, false),
    BAR_CODE("bar_code", "barCode", "条形码", 0, 50, false),
    UNIT("unit", "unit", "计量单位", 3, 3, false),
    QTY("qty", "qty", "数量", 0, 0, false),
    PRICE("price", "price", "单价", 0, 0, false),
    TOTAL_PRICE("total_price", "totalPrice", "总价", 0, 0, false),
    COUNTRY("country", "country", "原产国", 3, 3, false),
    ITEM_NOTE("item_note", "note", "备注", 0, 1000, false);

    final String column;
    final String element;
    final String chinese;
    final int minLength;
    final int maxLength;
    final boolean personal;

    OrderField(String column, String element, String chinese, int minLength, int maxLength, boolean personal) {
        this.column = column;
        this.element = element;
        this.chinese = chinese;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.personal = personal;
    }

    /** How error messages name the field: the customs element with its Chinese name. */
    String label() {
        return element + " (" + chinese + ")";
    }
}
