package dev.customsgateway;

import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.core.MerchantRole;
import dev.customsgateway.core.OrderLine;
import dev.customsgateway.core.OrderOrigin;
import dev.customsgateway.core.SubmittedOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Valid test values (fictitious people, codes of the official samples) that tests then break one at a time. */
public final class TestOrders {

    /** The default CSV profile's column names, as the mapping reports them. */
    public static final java.util.Map<String, String> SOURCES = java.util.Map.of(
            "buyerIdNumber", "buyer_id_number", "totalPrice", "total_price", "unit", "unit", "country", "country",
            "orderNo", "order_no", "actualPaid", "actual_paid");

    private TestOrders() {
    }

    public static Merchant merchant() {
        return new Merchant("demo", "Demo", MerchantRole.PLATFORM, dev.customsgateway.core.MessageFamily.Direction.IMPORT,
                new Merchant.CustomsIdentity("1105910159", "东方物通科技(北京)有限公司", "EXP2016522002580001",
                        "1105910159", "东方物通科技(北京)有限公司", "1105910159", "东方物通科技(北京)有限公司"),
                "demo-rsa", "CN_RSA_SHA1", "default-csv",
                List.of(new Merchant.SchemaVersionPeriod("202205", LocalDate.of(2022, 5, 1))));
    }

    public static OrderLine line(int row, int gnum, String qty, String price, String total) {
        return new OrderLine(row, gnum, "SKU-" + gnum, "婴儿奶粉", "900g/罐", null, "122",
                new BigDecimal(qty), new BigDecimal(price), new BigDecimal(total), "309", null);
    }

    public static CanonicalOrder order(List<OrderLine> lines, String actualPaid) {
        return new CanonicalOrder(2, "SO-1", null,
                new CanonicalOrder.Buyer("buyer001", "张三", "1", "110101199003071233", "13800000001"),
                new CanonicalOrder.Consignee("张三", "13800000001", "北京市东城区 1 号", "110101"),
                new CanonicalOrder.Payment(null, null, null),
                new BigDecimal("10"), BigDecimal.ZERO, BigDecimal.ZERO,
                actualPaid == null ? null : new BigDecimal(actualPaid), "142", null, lines, SOURCES, null, null);
    }

    public static SubmittedOrder submitted(CanonicalOrder order) {
        return SubmittedOrder.of(new OrderOrigin(merchant(), "sub-1", order.orderNo(), order.sourceRow()), order);
    }

    /** The order as declared by a merchant of another role or direction. */
    public static SubmittedOrder submittedBy(MerchantRole role, dev.customsgateway.core.MessageFamily.Direction direction,
            CanonicalOrder order) {
        Merchant m = merchant();
        Merchant other = new Merchant(m.id(), m.displayName(), role, direction, m.customs(), m.signingKeyAlias(),
                m.signatureProfile(), m.mappingProfile(), m.schemaVersions());
        return SubmittedOrder.of(new OrderOrigin(other, "sub-1", order.orderNo(), order.sourceRow()), order);
    }

    /** A valid order with the given clearance details, logistics, payment and currency. */
    public static CanonicalOrder with(CanonicalOrder o, CanonicalOrder.Declaration declaration,
            CanonicalOrder.Logistics logistics, CanonicalOrder.Payment payment, String currency, String orderTime) {
        return new CanonicalOrder(o.sourceRow(), o.orderNo(), orderTime, o.buyer(), o.consignee(), payment,
                o.freight(), o.discount(), o.taxTotal(), o.actualPaid(), currency, o.note(), o.lines(), o.sources(),
                declaration, logistics);
    }

    /** Clearance details that pass the inventory rules. */
    public static CanonicalOrder.Declaration clearance(String appType) {
        return new CanonicalOrder.Declaration(appType, null, "1105910159", null, "5141", "5141", "9610", "5", null,
                null, null, null, "309", null, "2", null, null);
    }

    public static CanonicalOrder.Logistics parcel(String gross, String net) {
        return new CanonicalOrder.Logistics("1105910159", "东方物通", "LN1", null, null,
                gross == null ? null : new BigDecimal(gross), net == null ? null : new BigDecimal(net), "1", null);
    }

    /** A goods line with its inventory details (HS code, legal unit and quantity). */
    public static OrderLine inventoryLine(String hsCode, String legalQty) {
        return new OrderLine(2, 1, "SKU-1", "婴儿奶粉", "900g/罐", null, "122", BigDecimal.ONE, new BigDecimal("188"),
                new BigDecimal("188"), "309", null, new OrderLine.Customs(hsCode, null, "035", legalQty == null ? null
                        : new BigDecimal(legalQty), null, null, null));
    }
}
