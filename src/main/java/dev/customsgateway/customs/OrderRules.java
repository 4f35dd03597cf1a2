package dev.customsgateway.customs;

import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.MessageFamily;
import dev.customsgateway.core.OrderLine;
import dev.customsgateway.core.OrderRejectedException;
import dev.customsgateway.core.RowError;
import dev.customsgateway.core.SubmittedOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The rules customs applies that the XSDs leave out, for the message the merchant declares: code tables,
 * arithmetic, the buyer's identity, lengths and precision before marshalling. Each broken rule is a
 * {@link RowError} with a stable code, the row and the merchant's column, and the field's customs and Chinese
 * name. Orders of a merchant declaring to HMRC are checked by {@link UkRules} instead. Used by the {@code pipeline-order} route before mapping; an order with errors is rejected as a whole
 * and the file goes on.
 *
 * <p>Rounding: merchants round to cents, so a line total or paid amount within 0.01 of the computed value is
 * rounding, not an error; goodsValue is the exact sum of the line totals.
 */
@Component("orderRules")
class OrderRules {

    static final BigDecimal ROUNDING_TOLERANCE = new BigDecimal("0.01");
    private static final int MAX_LINES = 99;
    private static final String RMB = "142";
    private static final java.util.Set<String> APP_TYPES = java.util.Set.of("1", "2", "3");
    private static final Pattern DISTRICT = Pattern.compile("\\d{6}");
    private static final Pattern CUSTOMS_CODE = Pattern.compile("\\d{4}");
    private static final Pattern HS_CODE = Pattern.compile("\\d{10}");
    private static final Pattern CUSTOMS_TIME = Pattern.compile("\\d{14}");

    private final CodeLists codes;
    private final StandingDeclarations declared;
    private final OrderMessages orderMessages;
    private final UkLowValueProperties ukLimits;

    @org.springframework.beans.factory.annotation.Autowired
    OrderRules(CodeLists codes, StandingDeclarations declared, OrderMessages orderMessages,
            UkLowValueProperties ukLimits) {
        this.codes = codes;
        this.declared = declared;
        this.orderMessages = orderMessages;
        this.ukLimits = ukLimits;
    }

    /** With the default UK limits (GBP 135). */
    OrderRules(CodeLists codes, StandingDeclarations declared, OrderMessages orderMessages) {
        this(codes, declared, orderMessages, new UkLowValueProperties(null, null, null));
    }

    public SubmittedOrder check(SubmittedOrder submitted) {
        List<RowError> errors = new ArrayList<>(submitted.readErrors());
        CanonicalOrder order = submitted.order();
        if (order != null) {
            MessageFamily family = submitted.origin().merchant().family();
            FieldChecks f = new FieldChecks(order, errors);
            if (family.authority() == MessageFamily.Authority.HMRC) {
                UkRules.check(order, submitted.origin().merchant(), codes, ukLimits, errors);
                if ("1".equals(order.declaration().appType())) {
                    declaredOnce(submitted, family, f);
                }
                throwIfAny(errors);
                return submitted;
            }
            common(order, family, f);
            declaredOnce(submitted, family, f);
            switch (family) {
                case CEB311 -> ImportRules.order(order, f);
                case CEB411 -> ImportRules.payment(order, f);
                case CEB511 -> {
                    ImportRules.waybill(order, f);
                    orderMessages.find(order.orderNo()).ifPresent(m -> CrossMessageRules.waybill(order, m, f));
                }
                case CEB621 -> {
                    ImportRules.inventory(order, f, codes);
                    orderMessages.find(order.orderNo()).ifPresent(m -> CrossMessageRules.inventory(order, m, f));
                }
                case CEB303 -> exportCurrency(order, f);
                case CEB505 -> {
                    exportCurrency(order, f);
                    ExportRules.waybill(order, f);
                }
                case CEB603 -> {
                    exportCurrency(order, f);
                    ExportRules.inventory(order, f, codes);
                }
                case UK_SRDS -> throw new IllegalStateException("UK orders are checked by UkRules");
            }
        }
        throwIfAny(errors);
        return submitted;
    }

    /**
     * Locks the order numbers of the orders one transaction declares (a batch of a file, an API request), in
     * order-number order, before any of them is checked. Locked one by one as each order is checked, two
     * transactions carrying the same two orders in opposite order could each hold the lock the other waits for.
     */
    public List<SubmittedOrder> lockOrderNumbers(List<SubmittedOrder> orders) {
        orders.stream()
                .filter(o -> o.order() != null && o.order().orderNo() != null && !o.order().orderNo().isEmpty())
                .map(o -> List.of(o.origin().merchant().id(), o.origin().merchant().family().name(),
                        o.order().orderNo()))
                .distinct()
                .sorted(Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1))
                        .thenComparing(k -> k.get(2)))
                .forEach(k -> declared.lock(k.get(0), k.get(1), k.get(2)));
        return orders;
    }

    /**
     * For an order of a message the merchant signed: the gateway sends that message as it is, so it applies none of
     * its field rules, nor asks a change or deletion for an original (which may have been declared elsewhere); it
     * only refuses to declare a new order twice.
     */
    public SubmittedOrder checkNotDeclaredTwice(SubmittedOrder submitted) {
        List<RowError> errors = new ArrayList<>();
        if ("1".equals(submitted.order().declaration().appType())) {
            declaredOnce(submitted, submitted.origin().merchant().family(), new FieldChecks(submitted.order(), errors));
        }
        throwIfAny(errors);
        return submitted;
    }

    private static void throwIfAny(List<RowError> errors) {
        if (!errors.isEmpty()) {
            throw new OrderRejectedException(errors);
        }
    }

    /** What every family checks: the order number, amounts, the goods lines and their arithmetic. */
    private void common(CanonicalOrder order, MessageFamily family, FieldChecks f) {
        int row = order.sourceRow();
        f.length(row, OrderField.ORDER_NO, order.orderNo());
        f.length(row, OrderField.ORDER_NOTE, order.note());
        if (family.direction() == MessageFamily.Direction.IMPORT && order.currency() != null
                && !RMB.equals(order.currency())) {
            f.add(row, OrderField.CURRENCY, order.currency(), "CURRENCY_NOT_RMB", OrderField.CURRENCY.label()
                    + " must be 142 (人民币, RMB): import messages are declared in RMB; convert the amounts first");
        }
        f.amount(row, OrderField.FREIGHT, order.freight());
        f.amount(row, OrderField.DISCOUNT, order.discount());
        f.amount(row, OrderField.TAX_TOTAL, order.taxTotal());
        if (order.lines().size() > MAX_LINES) {
            f.add(row, OrderField.ORDER_NO, order.orderNo(), "ORDER_TOO_MANY_LINES",
                    "an order may have at most " + MAX_LINES + " goods lines; it has " + order.lines().size());
        }
        order.lines().forEach(line -> line(line, f));
        actualPaid(order, f);
    }

    private void line(OrderLine line, FieldChecks f) {
        int r = line.sourceRow();
        f.length(r, OrderField.ITEM_NO, line.itemNo());
        f.length(r, OrderField.ITEM_NAME, line.itemName());
        f.length(r, OrderField.ITEM_MODEL, line.model());
        f.length(r, OrderField.BAR_CODE, line.barCode());
        f.length(r, OrderField.ITEM_NOTE, line.note());
        f.code(r, OrderField.UNIT, line.unit(), true, u -> codes.unit(u).isPresent(), "UNIT_UNKNOWN",
                "a customs unit code (3 digits, e.g. 007 个, 011 件, 035 千克)");
        f.code(r, OrderField.COUNTRY, line.country(), true, c -> codes.country(c).isPresent(), "COUNTRY_UNKNOWN",
                "a customs country code (3 digits, e.g. 502 美国, 116 日本, 304 德国)");
        f.requiredAmount(r, OrderField.QTY, line.quantity(), false);
        f.requiredAmount(r, OrderField.PRICE, line.price(), true);
        f.amount(r, OrderField.TOTAL_PRICE, line.totalPrice());
        if (line.quantity() != null && line.price() != null) {
            BigDecimal expected = line.quantity().multiply(line.price());
            if (expected.subtract(line.totalPrice()).abs().compareTo(ROUNDING_TOLERANCE) > 0) {
                f.add(r, OrderField.TOTAL_PRICE, line.totalPrice().toPlainString(), "TOTAL_PRICE_MISMATCH",
                        OrderField.TOTAL_PRICE.label() + " must equal qty x price = "
                                + expected.stripTrailingZeros().toPlainString());
            }
        }
    }

    /**
     * An order is declared once: a second new declaration (appType 1) of an order that stands is refused; a
     * change (2) or deletion (3) needs one that stands. Changes and deletions keep the same order number, so
     * the message log shows the lineage.
     */
    private void declaredOnce(SubmittedOrder submitted, MessageFamily family, FieldChecks f) {
        CanonicalOrder order = submitted.order();
        String appType = order.declaration().appType();
        int row = order.sourceRow();
        if (!APP_TYPES.contains(appType)) {
            f.add(row, OrderField.DECLARATION_TYPE, appType, "DECLARATION_TYPE_UNKNOWN", OrderField.DECLARATION_TYPE
                    .label() + " must be 1 (新增, new), 2 (变更, change) or 3 (删除, delete)");
            return;
        }
        if (order.orderNo() == null || order.orderNo().isEmpty()) {
            return;
        }
        var standing = declared.standing(submitted.origin().merchant().id(), family.name(), order.orderNo());
        if ("1".equals(appType) && standing.isPresent()) {
            f.add(row, OrderField.ORDER_NO, order.orderNo(), "ORDER_ALREADY_DECLARED", "order " + order.orderNo()
                    + " was already declared (" + family + " " + standing.get() + "); send it as a change "
                    + "(declaration type 2) or a deletion (3) instead of declaring it twice");
        } else if (!"1".equals(appType) && standing.isEmpty()) {
            f.add(row, OrderField.DECLARATION_TYPE, appType, "ORIGINAL_NOT_DECLARED", "a change or deletion of order "
                    + order.orderNo() + " needs its original declaration, and there is none standing");
        }
    }

    /** acturalPaid = goodsValue + freight + taxTotal - discount; customs compares it with the payment. */
    private static void actualPaid(CanonicalOrder order, FieldChecks f) {
        if (order.actualPaid() == null) {
            return; // computed by the mapping
        }
        int row = order.sourceRow();
        BigDecimal expected = order.goodsValue().add(order.freight()).add(order.taxTotal()).subtract(order.discount());
        if (expected.subtract(order.actualPaid()).abs().compareTo(ROUNDING_TOLERANCE) > 0) {
            f.add(row, OrderField.ACTUAL_PAID, order.actualPaid().toPlainString(), "ACTUAL_PAID_MISMATCH",
                    OrderField.ACTUAL_PAID.label() + " must equal goods value + freight + tax - discount = "
                            + expected.stripTrailingZeros().toPlainString());
        } else {
            f.requiredAmount(row, OrderField.ACTUAL_PAID, order.actualPaid(), false);
        }
    }

    private void exportCurrency(CanonicalOrder order, FieldChecks f) {
        f.code(order.sourceRow(), OrderField.CURRENCY, order.currency(), true, c -> codes.currency(c).isPresent(),
                "CURRENCY_UNKNOWN", "a customs currency code (3 digits, e.g. 502 美元, 300 欧元, 142 人民币)");
    }

    static Pattern district() {
        return DISTRICT;
    }

    static Pattern customsCode() {
        return CUSTOMS_CODE;
    }

    static Pattern hsCode() {
        return HS_CODE;
    }

    static Pattern customsTime() {
        return CUSTOMS_TIME;
    }
}
