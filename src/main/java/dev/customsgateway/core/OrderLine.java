package dev.customsgateway.core;

import java.math.BigDecimal;

/** One goods line of a {@link CanonicalOrder}; {@code sourceRow} is its row in the merchant's file. */
public record OrderLine(
        int sourceRow,
        int gnum,
        String itemNo,
        String itemName,
        String model,
        String barCode,
        String unit,
        BigDecimal quantity,
        BigDecimal price,
        BigDecimal totalPrice,
        String country,
        String note,
        Customs customs) {

    public OrderLine {
        customs = customs == null ? Customs.NONE : customs;
    }

    public OrderLine(int sourceRow, int gnum, String itemNo, String itemName, String model, String barCode,
            String unit, BigDecimal quantity, BigDecimal price, BigDecimal totalPrice, String country, String note) {
        this(sourceRow, gnum, itemNo, itemName, model, barCode, unit, quantity, price, totalPrice, country, note,
                Customs.NONE);
    }

    /**
     * What an inventory list says of the goods beyond the order: the 10-digit HS code, the legal (first) unit and
     * quantity, an optional second unit and quantity, the record number and the trading country.
     */
    public record Customs(String hsCode, String itemRecordNo, String legalUnit, BigDecimal legalQty,
            String secondUnit, BigDecimal secondQty, String tradeCountry) {

        public static final Customs NONE = new Customs(null, null, null, null, null, null, null);
    }
}
