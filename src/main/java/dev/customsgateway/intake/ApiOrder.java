package dev.customsgateway.intake;

import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.OrderLine;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/orders}: one order in the gateway's canonical shape, for systems that call per
 * order. Fields mirror {@link CanonicalOrder}; codes are customs codes already (unit {@code 011}, country
 * {@code 502}, currency {@code 142}), since there is no mapping profile in between. Amounts are decimals, as JSON
 * numbers or strings. Which fields are required is checked by the customs rules, like any order, and reported
 * per field with the same rule codes.
 */
@Schema(name = "ApiOrder", description = "One import order (CEB311) in the gateway's canonical shape")
record ApiOrder(
        @Schema(description = "The merchant's order number (orderNo, 订单编号)", example = "ORD-20240501-0001",
                requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 60)
        String orderNo,
        @Schema(description = "When the order was placed, as the merchant records it (kept, not declared)",
                example = "2024-05-01T10:15:00+08:00")
        String orderTime,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Buyer buyer,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Consignee consignee,
        Payment payment,
        Amounts amounts,
        @Schema(description = "Order note (OrderHead/note)") String note,
        @ArraySchema(minItems = 1, maxItems = 99, arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Goods lines (OrderList), at most 99"))
        List<Line> lines) {

    /** The buyer (订购人): personal data, masked in every report. */
    @Schema(name = "ApiOrderBuyer")
    record Buyer(
            @Schema(description = "Buyer's registration number on the platform", example = "buyer-0001") String regNo,
            @Schema(description = "Buyer's name", example = "张三") String name,
            @Schema(description = "ID type; only 1 (resident identity card) is accepted", example = "1",
                    defaultValue = "1") String idType,
            @Schema(description = "18-character resident identity number", example = "110101199003071233")
            String idNumber,
            @Schema(description = "Buyer's telephone", example = "13800138000") String phone) {
    }

    /** Where the parcel goes: personal data, masked in every report. */
    @Schema(name = "ApiOrderConsignee")
    record Consignee(
            @Schema(example = "李四") String name,
            @Schema(example = "13900139000") String phone,
            @Schema(example = "北京市朝阳区建国路1号") String address,
            @Schema(description = "6-digit administrative division code", example = "110105") String district) {
    }

    /** The payment behind the order, when known. */
    @Schema(name = "ApiOrderPayment")
    record Payment(
            @Schema(example = "312226T001") String code,
            @Schema(example = "支付宝（中国）网络技术有限公司") String name,
            @Schema(example = "2024050122001400001") String transactionId) {
    }

    /** Order-level amounts in {@code currency}; missing ones are 0 and actualPaid is computed when missing. */
    @Schema(name = "ApiOrderAmounts")
    record Amounts(
            @Schema(example = "10.00") BigDecimal freight,
            @Schema(example = "0") BigDecimal discount,
            @Schema(example = "0") BigDecimal taxTotal,
            @Schema(description = "goods + freight + tax - discount; computed when missing", example = "109.50")
            BigDecimal actualPaid,
            @Schema(description = "Customs currency code; import orders are in RMB (142)", example = "142",
                    defaultValue = "142") String currency) {
    }

    /** One goods line. */
    @Schema(name = "ApiOrderLine")
    record Line(
            @Schema(example = "SKU-1") String itemNo,
            @Schema(description = "Goods name (itemName)", example = "婴儿奶粉",
                    requiredMode = Schema.RequiredMode.REQUIRED) String itemName,
            @Schema(description = "Specification (gmodel)", example = "900g/罐",
                    requiredMode = Schema.RequiredMode.REQUIRED) String itemModel,
            @Schema(example = "6900000000001") String barCode,
            @Schema(description = "Customs unit code", example = "122", requiredMode = Schema.RequiredMode.REQUIRED)
            String unit,
            @Schema(example = "1", requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal qty,
            @Schema(example = "99.50", requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal price,
            @Schema(description = "qty x price; computed when missing", example = "99.50") BigDecimal totalPrice,
            @Schema(description = "Customs country-of-origin code", example = "502",
                    requiredMode = Schema.RequiredMode.REQUIRED) String country,
            @Schema(description = "Line note (OrderList/note)") String note) {
    }

    /** Where each canonical field comes from in this shape, so row errors name the JSON field. */
    private static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("orderNo", "orderNo"), Map.entry("orderTime", "orderTime"),
            Map.entry("buyerRegNo", "buyer.regNo"), Map.entry("buyerName", "buyer.name"),
            Map.entry("buyerIdType", "buyer.idType"), Map.entry("buyerIdNumber", "buyer.idNumber"),
            Map.entry("buyerPhone", "buyer.phone"), Map.entry("consignee", "consignee.name"),
            Map.entry("consigneePhone", "consignee.phone"), Map.entry("consigneeAddress", "consignee.address"),
            Map.entry("consigneeDistrict", "consignee.district"), Map.entry("freight", "amounts.freight"),
            Map.entry("discount", "amounts.discount"), Map.entry("taxTotal", "amounts.taxTotal"),
            Map.entry("actualPaid", "amounts.actualPaid"), Map.entry("currency", "amounts.currency"),
            Map.entry("payCode", "payment.code"), Map.entry("payName", "payment.name"),
            Map.entry("payTransactionId", "payment.transactionId"), Map.entry("orderNote", "note"),
            Map.entry("itemNo", "lines[].itemNo"), Map.entry("itemName", "lines[].itemName"),
            Map.entry("itemModel", "lines[].itemModel"), Map.entry("barCode", "lines[].barCode"),
            Map.entry("unit", "lines[].unit"), Map.entry("qty", "lines[].qty"), Map.entry("price", "lines[].price"),
            Map.entry("totalPrice", "lines[].totalPrice"), Map.entry("country", "lines[].country"),
            Map.entry("lineNote", "lines[].note"));

    /**
     * The canonical order. {@code row} is the order's 1-based place in the request (1 for a single order) and
     * is the row of every error it gets; the column is the JSON field.
     */
    CanonicalOrder toCanonical(int row) {
        Buyer b = buyer == null ? new Buyer(null, null, null, null, null) : buyer;
        Consignee c = consignee == null ? new Consignee(null, null, null, null) : consignee;
        Payment p = payment == null ? new Payment(null, null, null) : payment;
        Amounts a = amounts == null ? new Amounts(null, null, null, null, null) : amounts;
        List<OrderLine> canonicalLines = new ArrayList<>();
        for (Line line : lines == null ? List.<Line>of() : lines) {
            BigDecimal total = line.totalPrice();
            if (total == null && line.qty() != null && line.price() != null) {
                total = line.qty().multiply(line.price());
            }
            canonicalLines.add(new OrderLine(row, canonicalLines.size() + 1, text(line.itemNo()),
                    text(line.itemName()), text(line.itemModel()), text(line.barCode()), text(line.unit()),
                    line.qty(), line.price(), total == null ? BigDecimal.ZERO : total, text(line.country()),
                    text(line.note())));
        }
        return new CanonicalOrder(row, orderNo == null ? "" : orderNo.strip(), text(orderTime),
                new CanonicalOrder.Buyer(text(b.regNo()), text(b.name()), or(text(b.idType()), "1"),
                        text(b.idNumber()), text(b.phone())),
                new CanonicalOrder.Consignee(text(c.name()), text(c.phone()), text(c.address()), text(c.district())),
                new CanonicalOrder.Payment(text(p.code()), text(p.name()), text(p.transactionId())),
                zero(a.freight()), zero(a.discount()), zero(a.taxTotal()), a.actualPaid(),
                or(text(a.currency()), "142"), text(note), canonicalLines, SOURCES, null, null);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static BigDecimal zero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
