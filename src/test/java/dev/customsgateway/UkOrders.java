package dev.customsgateway;

import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.core.MerchantRole;
import dev.customsgateway.core.MessageFamily;
import dev.customsgateway.core.OrderLine;
import dev.customsgateway.core.OrderOrigin;
import dev.customsgateway.core.SubmittedOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Valid UK low-value orders and merchants (fictitious people; EORIs of HMRC's samples) that tests then break. */
public final class UkOrders {

    /** The uk-csv profile's column names, as the mapping reports them. */
    public static final Map<String, String> SOURCES = Map.of("orderNo", "order_no", "consigneeEori",
            "consignee_eori", "currency", "currency", "hsCode", "commodity_code", "totalPrice", "value",
            "country", "origin_country", "itemName", "description", "freight", "freight", "consignee", "consignee");

    private UkOrders() {
    }

    public static Merchant merchant(String eori, String importerEori, String representation) {
        Merchant m = TestOrders.merchant();
        return new Merchant("uk-demo", "UK demo", MerchantRole.PLATFORM, MessageFamily.Direction.IMPORT, m.customs(),
                m.signingKeyAlias(), m.signatureProfile(), "uk-csv", List.of(), MessageFamily.Authority.HMRC,
                new Merchant.UkDeclarant(eori, importerEori, representation, "D", "5",
                        new Merchant.GoodsLocation("BELBFSBEL", "A", "U", "GB"),
                        new Merchant.Party("Example Trading Co. Ltd", "1 Example Road", "Shenzhen", "518000", "CN")));
    }

    public static Merchant merchant() {
        return merchant(UkMerchants.DECLARANT_EORI, UkMerchants.IMPORTER_EORI, "2");
    }

    /** A goods line: description, commodity code, qty x price = value, origin. */
    public static OrderLine line(int row, int seq, String hsCode, String qty, String price, String value,
            String origin) {
        return new OrderLine(row, seq, "SKU-" + seq, "Mens woollen blazer", null, null, null, new BigDecimal(qty),
                new BigDecimal(price), new BigDecimal(value), origin, null,
                new OrderLine.Customs(hsCode, null, null, null, null, null, null));
    }

    public static CanonicalOrder order(String orderNo, String currency, String freight, String consigneeEori,
            List<OrderLine> lines) {
        return new CanonicalOrder(2, orderNo, null, new CanonicalOrder.Buyer(null, null, "1", null, null),
                new CanonicalOrder.Consignee("Aoife Byrne", null, "12 Lisburn Road", null, "Belfast", "BT9 6AA", "GB",
                        consigneeEori),
                new CanonicalOrder.Payment(null, null, null), freight == null ? BigDecimal.ZERO
                        : new BigDecimal(freight), BigDecimal.ZERO, BigDecimal.ZERO, null, currency, null, lines,
                SOURCES, null, null);
    }

    public static CanonicalOrder order(List<OrderLine> lines) {
        return order("UK-1", "GBP", "4.50", null, lines);
    }

    /** The same order as a change (declaration type 2). */
    public static CanonicalOrder asChange(CanonicalOrder o) {
        CanonicalOrder.Declaration change = new CanonicalOrder.Declaration("2", null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
        return new CanonicalOrder(o.sourceRow(), o.orderNo(), o.orderTime(), o.buyer(), o.consignee(), o.payment(),
                o.freight(), o.discount(), o.taxTotal(), o.actualPaid(), o.currency(), o.note(), o.lines(),
                o.sources(), change, o.logistics());
    }

    public static SubmittedOrder submitted(Merchant merchant, CanonicalOrder order) {
        return SubmittedOrder.of(new OrderOrigin(merchant, "sub-uk", order.orderNo(), order.sourceRow()), order);
    }
}
