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
        String note) {
}
