package dev.customsgateway.intake;

import java.util.List;
import java.util.Set;

/**
 * The minimal CSV column set: one row per order line, an order's rows contiguous. Order-level columns are read
 * from the first row of an order; later rows may repeat them or leave them blank, but not contradict them.
 * (Per-merchant mapping profiles with other column names come with the merchant-formats work.)
 */
final class CsvColumns {

    static final String ORDER_NO = "order_no";
    static final String BUYER_REG_NO = "buyer_reg_no";
    static final String BUYER_NAME = "buyer_name";
    static final String BUYER_ID_TYPE = "buyer_id_type";
    static final String BUYER_ID_NUMBER = "buyer_id_number";
    static final String BUYER_PHONE = "buyer_phone";
    static final String CONSIGNEE = "consignee";
    static final String CONSIGNEE_PHONE = "consignee_phone";
    static final String CONSIGNEE_ADDRESS = "consignee_address";
    static final String CONSIGNEE_DISTRICT = "consignee_district";
    static final String FREIGHT = "freight";
    static final String DISCOUNT = "discount";
    static final String TAX_TOTAL = "tax_total";
    static final String ACTUAL_PAID = "actual_paid";
    static final String PAY_CODE = "pay_code";
    static final String PAY_NAME = "pay_name";
    static final String PAY_TRANSACTION_ID = "pay_transaction_id";
    static final String ORDER_NOTE = "order_note";
    static final String ITEM_NO = "item_no";
    static final String ITEM_NAME = "item_name";
    static final String ITEM_MODEL = "item_model";
    static final String BAR_CODE = "bar_code";
    static final String UNIT = "unit";
    static final String QTY = "qty";
    static final String PRICE = "price";
    static final String TOTAL_PRICE = "total_price";
    static final String COUNTRY = "country";
    static final String ITEM_NOTE = "item_note";

    /** Columns the header must have. */
    static final List<String> REQUIRED = List.of(ORDER_NO, BUYER_REG_NO, BUYER_NAME, BUYER_ID_NUMBER, BUYER_PHONE,
            CONSIGNEE, CONSIGNEE_PHONE, CONSIGNEE_ADDRESS, ITEM_NAME, ITEM_MODEL, UNIT, QTY, PRICE, COUNTRY);

    /** Order-level columns: the same for every row of one order. */
    static final List<String> ORDER_LEVEL = List.of(BUYER_REG_NO, BUYER_NAME, BUYER_ID_TYPE, BUYER_ID_NUMBER,
            BUYER_PHONE, CONSIGNEE, CONSIGNEE_PHONE, CONSIGNEE_ADDRESS, CONSIGNEE_DISTRICT, FREIGHT, DISCOUNT,
            TAX_TOTAL, ACTUAL_PAID, PAY_CODE, PAY_NAME, PAY_TRANSACTION_ID, ORDER_NOTE);

    /** Columns holding a buyer's personal data: their values are masked in every error and log line. */
    static final Set<String> PERSONAL = Set.of(BUYER_REG_NO, BUYER_NAME, BUYER_ID_NUMBER, BUYER_PHONE, CONSIGNEE,
            CONSIGNEE_PHONE, CONSIGNEE_ADDRESS);

    private CsvColumns() {
    }
}
