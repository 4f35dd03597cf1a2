package dev.customsgateway.core;

import java.math.BigDecimal;
import java.util.List;

/**
 * One order in the gateway's own terms, whatever format the merchant sent. Money is in the declared currency
 * (RMB for China import); {@code sourceRow} is the first row of the order in the merchant's file, so errors can
 * point back to it.
 */
public record CanonicalOrder(
        int sourceRow,
        String orderNo,
        Buyer buyer,
        Consignee consignee,
        Payment payment,
        BigDecimal freight,
        BigDecimal discount,
        BigDecimal taxTotal,
        BigDecimal actualPaid,
        String note,
        List<OrderLine> lines) {

    public CanonicalOrder {
        lines = List.copyOf(lines);
    }

    /** Sum of the line totals: the goods value customs expects in OrderHead/goodsValue. */
    public BigDecimal goodsValue() {
        return lines.stream().map(OrderLine::totalPrice).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The buyer (订购人): personal data, masked wherever it is shown. */
    public record Buyer(String regNo, String name, String idType, String idNumber, String telephone) {
        @Override
        public String toString() {
            return "Buyer[regNo=" + Masking.mask(regNo) + ", name=" + Masking.mask(name)
                    + ", idNumber=" + Masking.mask(idNumber) + ", telephone=" + Masking.mask(telephone) + "]";
        }
    }

    /** Where the parcel goes: personal data, masked wherever it is shown. */
    public record Consignee(String name, String telephone, String address, String district) {
        @Override
        public String toString() {
            return "Consignee[name=" + Masking.mask(name) + ", telephone=" + Masking.mask(telephone)
                    + ", address=" + Masking.mask(address) + ", district=" + district + "]";
        }
    }

    /** The payment behind the order, when the merchant knows it. */
    public record Payment(String payCode, String payName, String transactionId) {
    }
}
