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
}
