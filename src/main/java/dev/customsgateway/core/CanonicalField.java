package dev.customsgateway.core;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fields of the canonical order that mapping profiles fill: their profile key, whether they belong to the
 * order or to a goods line, what kind of value they hold, and whether they are personal data (and how to mask
 * them). Every customs family maps from these and nothing else.
 */
public enum CanonicalField {
    ORDER_NO("orderNo", Level.ORDER, Kind.TEXT, Personal.NO),
    ORDER_TIME("orderTime", Level.ORDER, Kind.TIME, Personal.NO),
    BUYER_REG_NO("buyerRegNo", Level.ORDER, Kind.TEXT, Personal.NAME),
    BUYER_NAME("buyerName", Level.ORDER, Kind.TEXT, Personal.NAME),
    BUYER_ID_TYPE("buyerIdType", Level.ORDER, Kind.TEXT, Personal.NO),
    BUYER_ID_NUMBER("buyerIdNumber", Level.ORDER, Kind.TEXT, Personal.IDENTIFIER),
    BUYER_PHONE("buyerPhone", Level.ORDER, Kind.TEXT, Personal.IDENTIFIER),
    CONSIGNEE("consignee", Level.ORDER, Kind.TEXT, Personal.NAME),
    CONSIGNEE_PHONE("consigneePhone", Level.ORDER, Kind.TEXT, Personal.IDENTIFIER),
    CONSIGNEE_ADDRESS("consigneeAddress", Level.ORDER, Kind.TEXT, Personal.NAME),
    CONSIGNEE_DISTRICT("consigneeDistrict", Level.ORDER, Kind.TEXT, Personal.NO),
    FREIGHT("freight", Level.ORDER, Kind.AMOUNT, Personal.NO),
    DISCOUNT("discount", Level.ORDER, Kind.AMOUNT, Personal.NO),
    TAX_TOTAL("taxTotal", Level.ORDER, Kind.AMOUNT, Personal.NO),
    ACTUAL_PAID("actualPaid", Level.ORDER, Kind.AMOUNT, Personal.NO),
    CURRENCY("currency", Level.ORDER, Kind.TEXT, Personal.NO),
    PAY_CODE("payCode", Level.ORDER, Kind.TEXT, Personal.NO),
    PAY_NAME("payName", Level.ORDER, Kind.TEXT, Personal.NO),
    PAY_TRANSACTION_ID("payTransactionId", Level.ORDER, Kind.TEXT, Personal.NO),
    ORDER_NOTE("orderNote", Level.ORDER, Kind.TEXT, Personal.NO),
    DECLARATION_TYPE("declarationType", Level.ORDER, Kind.TEXT, Personal.NO),
    PAY_TIME("payTime", Level.ORDER, Kind.TIME, Personal.NO),
    LOGISTICS_CODE("logisticsCode", Level.ORDER, Kind.TEXT, Personal.NO),
    LOGISTICS_NAME("logisticsName", Level.ORDER, Kind.TEXT, Personal.NO),
    LOGISTICS_NO("logisticsNo", Level.ORDER, Kind.TEXT, Personal.NO),
    BILL_NO("billNo", Level.ORDER, Kind.TEXT, Personal.NO),
    INSURED_FEE("insuredFee", Level.ORDER, Kind.AMOUNT, Personal.NO),
    GROSS_WEIGHT("grossWeight", Level.ORDER, Kind.AMOUNT, Personal.NO),
    NET_WEIGHT("netWeight", Level.ORDER, Kind.AMOUNT, Personal.NO),
    PACK_NO("packNo", Level.ORDER, Kind.TEXT, Personal.NO),
    GOODS_INFO("goodsInfo", Level.ORDER, Kind.TEXT, Personal.NO),
    COP_NO("copNo", Level.ORDER, Kind.TEXT, Personal.NO),
    ASSURE_CODE("assureCode", Level.ORDER, Kind.TEXT, Personal.NO),
    EMS_NO("emsNo", Level.ORDER, Kind.TEXT, Personal.NO),
    CUSTOMS_CODE("customsCode", Level.ORDER, Kind.TEXT, Personal.NO),
    PORT_CODE("portCode", Level.ORDER, Kind.TEXT, Personal.NO),
    TRADE_MODE("tradeMode", Level.ORDER, Kind.TEXT, Personal.NO),
    TRAF_MODE("trafMode", Level.ORDER, Kind.TEXT, Personal.NO),
    TRAF_NO("trafNo", Level.ORDER, Kind.TEXT, Personal.NO),
    VOYAGE_NO("voyageNo", Level.ORDER, Kind.TEXT, Personal.NO),
    LOCT_NO("loctNo", Level.ORDER, Kind.TEXT, Personal.NO),
    LICENSE_NO("licenseNo", Level.ORDER, Kind.TEXT, Personal.NO),
    DEPARTURE_COUNTRY("departureCountry", Level.ORDER, Kind.TEXT, Personal.NO),
    DESTINATION_PORT("destinationPort", Level.ORDER, Kind.TEXT, Personal.NO),
    WRAP_TYPE("wrapType", Level.ORDER, Kind.TEXT, Personal.NO),
    AREA_CODE("areaCode", Level.ORDER, Kind.TEXT, Personal.NO),
    AREA_NAME("areaName", Level.ORDER, Kind.TEXT, Personal.NO),
    ITEM_NO("itemNo", Level.LINE, Kind.TEXT, Personal.NO),
    ITEM_NAME("itemName", Level.LINE, Kind.TEXT, Personal.NO),
    ITEM_MODEL("itemModel", Level.LINE, Kind.TEXT, Personal.NO),
    BAR_CODE("barCode", Level.LINE, Kind.TEXT, Personal.NO),
    UNIT("unit", Level.LINE, Kind.TEXT, Personal.NO),
    QTY("qty", Level.LINE, Kind.AMOUNT, Personal.NO),
    PRICE("price", Level.LINE, Kind.AMOUNT, Personal.NO),
    TOTAL_PRICE("totalPrice", Level.LINE, Kind.AMOUNT, Personal.NO),
    COUNTRY("country", Level.LINE, Kind.TEXT, Personal.NO),
    LINE_NOTE("lineNote", Level.LINE, Kind.TEXT, Personal.NO),
    HS_CODE("hsCode", Level.LINE, Kind.TEXT, Personal.NO),
    ITEM_RECORD_NO("itemRecordNo", Level.LINE, Kind.TEXT, Personal.NO),
    LEGAL_UNIT("legalUnit", Level.LINE, Kind.TEXT, Personal.NO),
    LEGAL_QTY("legalQty", Level.LINE, Kind.AMOUNT, Personal.NO),
    SECOND_UNIT("secondUnit", Level.LINE, Kind.TEXT, Personal.NO),
    SECOND_QTY("secondQty", Level.LINE, Kind.AMOUNT, Personal.NO),
    TRADE_COUNTRY("tradeCountry", Level.LINE, Kind.TEXT, Personal.NO),
    CONSIGNEE_CITY("consigneeCity", Level.ORDER, Kind.TEXT, Personal.NO),
    CONSIGNEE_POSTCODE("consigneePostcode", Level.ORDER, Kind.TEXT, Personal.NAME),
    CONSIGNEE_COUNTRY("consigneeCountry", Level.ORDER, Kind.TEXT, Personal.NO),
    CONSIGNEE_EORI("consigneeEori", Level.ORDER, Kind.TEXT, Personal.IDENTIFIER);

    /** Order head or goods line. */
    public enum Level { ORDER, LINE }

    /** What the value is: text, a decimal amount, or a point in time. */
    public enum Kind { TEXT, AMOUNT, TIME }

    /** Personal data and how it is masked wherever it is shown. */
    public enum Personal {
        NO, NAME, IDENTIFIER;

        public String mask(String value) {
            return switch (this) {
                case NO -> value;
                case NAME -> Masking.mask(value);
                case IDENTIFIER -> Masking.maskIdentifier(value);
            };
        }
    }

    private final String key;
    private final Level level;
    private final Kind kind;
    private final Personal personal;

    CanonicalField(String key, Level level, Kind kind, Personal personal) {
        this.key = key;
        this.level = level;
        this.kind = kind;
        this.personal = personal;
    }

    public String key() {
        return key;
    }

    public Level level() {
        return level;
    }

    public Kind kind() {
        return kind;
    }

    public Personal personal() {
        return personal;
    }

    public static Optional<CanonicalField> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}
