package dev.customsgateway.core;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One order in the gateway's own terms, whatever format the merchant sent: the only thing the customs mapping
 * sees. Money is in {@code currency} (a customs currency code; RMB {@code 142} for China import).
 * {@code sourceRow} is the first row of the order in the merchant's file and {@code sources} names, for each
 * canonical field key, the field of the merchant's file it came from, so errors point back to what the
 * merchant knows.
 */
public record CanonicalOrder(
        int sourceRow,
        String orderNo,
        String orderTime,
        Buyer buyer,
        Consignee consignee,
        Payment payment,
        BigDecimal freight,
        BigDecimal discount,
        BigDecimal taxTotal,
        BigDecimal actualPaid,
        String currency,
        String note,
        List<OrderLine> lines,
        Map<String, String> sources) {

    public CanonicalOrder {
        lines = List.copyOf(lines);
        sources = sources == null ? Map.of() : Map.copyOf(sources);
    }

    /** Sum of the line totals: the goods value customs expects in OrderHead/goodsValue. */
    public BigDecimal goodsValue() {
        return lines.stream().map(OrderLine::totalPrice).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The merchant's name for the field a canonical field came from (the canonical key when unmapped). */
    public String sourceOf(CanonicalField field) {
        return sources.getOrDefault(field.key(), field.key());
    }

    /** The buyer (订购人): personal data, masked wherever it is shown. */
    public record Buyer(String regNo, String name, String idType, String idNumber, String telephone) {
        @Override
        public String toString() {
            return "Buyer[regNo=" + Masking.mask(regNo) + ", name=" + Masking.mask(name) + ", idType=" + idType
                    + ", idNumber=" + Masking.maskIdentifier(idNumber)
                    + ", telephone=" + Masking.maskIdentifier(telephone) + "]";
        }
    }

    /** Where the parcel goes: personal data, masked wherever it is shown. */
    public record Consignee(String name, String telephone, String address, String district) {
        @Override
        public String toString() {
            return "Consignee[name=" + Masking.mask(name) + ", telephone=" + Masking.maskIdentifier(telephone)
                    + ", address=" + Masking.mask(address) + ", district=" + district + "]";
        }
    }

    /** The payment behind the order, when the merchant knows it. */
    public record Payment(String payCode, String payName, String transactionId) {
    }
}
