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
        Map<String, String> sources,
        Declaration declaration,
        Logistics logistics) {

    public CanonicalOrder {
        lines = List.copyOf(lines);
        sources = sources == null ? Map.of() : Map.copyOf(sources);
        declaration = declaration == null ? Declaration.NEW : declaration;
        logistics = logistics == null ? Logistics.NONE : logistics;
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

    /**
     * Where the parcel goes: personal data, masked wherever it is shown. {@code city}, {@code postcode},
     * {@code country} (ISO 3166 alpha-2) and {@code eori} (the consignee's EORI, which makes them the importer)
     * are what a UK declaration needs beyond a Chinese address.
     */
    public record Consignee(String name, String telephone, String address, String district, String city,
            String postcode, String country, String eori) {

        public Consignee(String name, String telephone, String address, String district) {
            this(name, telephone, address, district, null, null, null, null);
        }

        @Override
        public String toString() {
            return "Consignee[name=" + Masking.mask(name) + ", telephone=" + Masking.maskIdentifier(telephone)
                    + ", address=" + Masking.mask(address) + ", district=" + district + ", city=" + city
                    + ", postcode=" + Masking.mask(postcode) + ", country=" + country
                    + ", eori=" + Masking.maskIdentifier(eori) + "]";
        }
    }

    /** The payment behind the order, when the merchant knows it. */
    public record Payment(String payCode, String payName, String transactionId, String payTime) {
        public Payment(String payCode, String payName, String transactionId) {
            this(payCode, payName, transactionId, null);
        }
    }

    /**
     * What the declaration is (new, a change or a deletion: appType 1, 2, 3) and the customs clearance details
     * an inventory list needs; most are the same for all of a merchant's orders and come from profile constants.
     */
    public record Declaration(String appType, String copNo, String assureCode, String emsNo, String customsCode,
            String portCode, String tradeMode, String trafMode, String trafNo, String voyageNo, String loctNo,
            String licenseNo, String departureCountry, String destinationPort, String wrapType, String areaCode,
            String areaName) {

        public static final Declaration NEW = new Declaration("1", null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    /** The parcel: who carries it under which waybill, and what it weighs (kg). */
    public record Logistics(String code, String name, String logisticsNo, String billNo, BigDecimal insuredFee,
            BigDecimal grossWeight, BigDecimal netWeight, String packNo, String goodsInfo) {

        public static final Logistics NONE = new Logistics(null, null, null, null, null, null, null, null, null);
    }
}
