package dev.customsgateway.customs;

import static dev.customsgateway.TestOrders.line;
import static dev.customsgateway.TestOrders.order;
import static dev.customsgateway.TestOrders.clearance;
import static dev.customsgateway.TestOrders.inventoryLine;
import static dev.customsgateway.TestOrders.parcel;
import static dev.customsgateway.TestOrders.submitted;
import static dev.customsgateway.TestOrders.submittedBy;
import static dev.customsgateway.TestOrders.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.MerchantRole;
import dev.customsgateway.core.MessageFamily.Direction;
import dev.customsgateway.core.SubmittedOrder;
import dev.customsgateway.core.OrderLine;
import dev.customsgateway.core.OrderRejectedException;
import dev.customsgateway.core.RowError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderRulesTest {

    /** Orders already declared, as the outbox would say: here only SO-DECLARED. */
    private static final StandingDeclarations DECLARED = (merchant, type, orderNo) ->
            "SO-DECLARED".equals(orderNo) ? java.util.Optional.of("GUID-OF-THE-ORIGINAL") : java.util.Optional.empty();

    /** No order message declared through the gateway, unless a test says otherwise. */
    private static final OrderMessages NO_ORDER_MESSAGES = orderNo -> java.util.Optional.empty();

    private final OrderRules rules = new OrderRules(new CodeLists(), DECLARED, NO_ORDER_MESSAGES);

    @Test
    void acceptsAValidOrder() {
        CanonicalOrder valid = order(List.of(line(2, 1, "2", "188", "376"), line(3, 2, "1", "99.5", "99.5")),
                "485.5");
        assertThatCode(() -> rules.check(submitted(valid))).doesNotThrowAnyException();
    }

    @Test
    void lineTotalMustBeQuantityTimesPrice() {
        List<RowError> errors = errorsOf(order(List.of(line(2, 1, "2", "188", "370")), null));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo("TOTAL_PRICE_MISMATCH");
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.column()).isEqualTo("total_price");
            assertThat(e.message()).contains("totalPrice (总价)").contains("376");
        });
    }

    @Test
    void centRoundingIsNotAnError() {
        assertThatCode(() -> rules.check(submitted(order(List.of(line(2, 1, "3", "33.333", "100.00")), null))))
                .doesNotThrowAnyException();
    }

    @Test
    void actualPaidMustBeGoodsPlusFreightPlusTaxMinusDiscount() {
        List<RowError> errors = errorsOf(order(List.of(line(2, 1, "2", "188", "376")), "376"));
        assertThat(errors).extracting(RowError::rule).containsExactly("ACTUAL_PAID_MISMATCH");
        assertThat(errors.get(0).message()).contains("386");
    }

    @Test
    void unitAndCountryMustBeCustomsCodes() {
        OrderLine bad = new OrderLine(3, 1, null, "奶粉", "900g", null, "999", new java.math.BigDecimal("1"),
                new java.math.BigDecimal("1"), new java.math.BigDecimal("1"), "100", null);
        List<RowError> errors = errorsOf(order(List.of(bad), null));
        assertThat(errors).extracting(e -> e.row() + ":" + e.column() + ":" + e.rule())
                .containsExactlyInAnyOrder("3:unit:UNIT_UNKNOWN", "3:country:COUNTRY_UNKNOWN");
    }

    @Test
    void buyerIdNumberIsCheckedAndMasked() {
        CanonicalOrder o = order(List.of(line(2, 1, "1", "1", "1")), null);
        CanonicalOrder wrongId = new CanonicalOrder(o.sourceRow(), o.orderNo(), null,
                new CanonicalOrder.Buyer("b", "张三", "1", "110101199003071234", "138"), o.consignee(), o.payment(),
                o.freight(), o.discount(), o.taxTotal(), null, "142", null, o.lines(), o.sources(), null, null);
        RowError error = errorsOf(wrongId).get(0);
        assertThat(error.rule()).isEqualTo("BUYER_ID_NUMBER_INVALID");
        assertThat(error.value()).isEqualTo("**************1234");
    }

    @Test
    void onlyResidentIdCardIsAllowed() {
        CanonicalOrder o = order(List.of(line(2, 1, "1", "1", "1")), null);
        CanonicalOrder passport = new CanonicalOrder(o.sourceRow(), o.orderNo(), null,
                new CanonicalOrder.Buyer("b", "张三", "2", "E12345678", "138"), o.consignee(), o.payment(),
                o.freight(), o.discount(), o.taxTotal(), null, "142", null, o.lines(), o.sources(), null, null);
        assertThat(errorsOf(passport)).extracting(RowError::rule).containsExactly("BUYER_ID_TYPE_NOT_ALLOWED");
    }

    @Test
    void lengthsFollowTheSchema() {
        CanonicalOrder o = order(List.of(line(2, 1, "1", "1", "1")), null);
        CanonicalOrder longNo = new CanonicalOrder(o.sourceRow(), "X".repeat(61), null, o.buyer(), o.consignee(),
                o.payment(), o.freight(), o.discount(), o.taxTotal(), null, "142", null, o.lines(), o.sources(), null, null);
        assertThat(errorsOf(longNo)).extracting(RowError::rule).containsExactly("FIELD_LENGTH");
    }

    @Test
    void atMost99Lines() {
        List<OrderLine> lines = new ArrayList<>(Collections.nCopies(100, line(2, 1, "1", "1", "1")));
        assertThat(errorsOf(order(lines, null))).extracting(RowError::rule).containsExactly("ORDER_TOO_MANY_LINES");
    }

    @Test
    void negativeAndOverPreciseAmountsAreRefused() {
        List<RowError> errors = errorsOf(order(List.of(line(2, 1, "1", "-1", "-1"), line(3, 2, "0.123456", "1",
                "0.123456")), null));
        assertThat(errors).extracting(RowError::rule).contains("AMOUNT_NEGATIVE", "AMOUNT_FORMAT");
    }

    @Test
    void anOrderIsDeclaredOnceUnlessChangedOrDeleted() {
        CanonicalOrder declared = renamed(order(List.of(line(2, 1, "1", "1", "1")), null), "SO-DECLARED");
        assertThat(errorsOf(declared)).extracting(RowError::rule).containsExactly("ORDER_ALREADY_DECLARED");
        CanonicalOrder change = with(declared, clearance("2"), null, declared.payment(), "142", null);
        assertThatCode(() -> rules.check(submitted(change))).doesNotThrowAnyException();
        CanonicalOrder orphanChange = with(order(List.of(line(2, 1, "1", "1", "1")), null), clearance("2"), null,
                declared.payment(), "142", null);
        assertThat(errorsOf(orphanChange)).extracting(RowError::rule).containsExactly("ORIGINAL_NOT_DECLARED");
        CanonicalOrder nonsense = with(declared, clearance("9"), null, declared.payment(), "142", null);
        assertThat(errorsOf(nonsense)).extracting(RowError::rule).containsExactly("DECLARATION_TYPE_UNKNOWN");
    }

    @Test
    void aPaymentNeedsItsTransactionAndWhenItWasPaid() {
        CanonicalOrder base = order(List.of(line(2, 1, "1", "1", "1")), null);
        CanonicalOrder paid = with(base, null, null, new CanonicalOrder.Payment(null, null, "TX-1", "20261120101800"),
                "142", null);
        assertThatCode(() -> rules.check(submittedBy(MerchantRole.PAYMENT, Direction.IMPORT, paid)))
                .doesNotThrowAnyException();
        CanonicalOrder unpaid = with(base, null, null, new CanonicalOrder.Payment(null, null, null, "2026-11-20"),
                "142", null);
        assertThat(errorsOf(submittedBy(MerchantRole.PAYMENT, Direction.IMPORT, unpaid))).extracting(RowError::rule)
                .containsExactlyInAnyOrder("FIELD_REQUIRED", "TIME_FORMAT");
    }

    @Test
    void aWaybillNeedsItsNumberAndWeight() {
        CanonicalOrder base = order(List.of(line(2, 1, "1", "1", "1")), null);
        CanonicalOrder good = with(base, null, parcel("1.2", "1"), base.payment(), "142", null);
        assertThatCode(() -> rules.check(submittedBy(MerchantRole.LOGISTICS, Direction.IMPORT, good)))
                .doesNotThrowAnyException();
        CanonicalOrder weightless = with(base, null, parcel("0", null), base.payment(), "142", null);
        assertThat(errorsOf(submittedBy(MerchantRole.LOGISTICS, Direction.IMPORT, weightless)))
                .extracting(e -> e.column() + ":" + e.rule()).containsExactly("grossWeight:AMOUNT_NOT_POSITIVE");
    }

    @Test
    void anInventoryListNeedsClearanceCodesHsCodesAndConsistentWeights() {
        CanonicalOrder base = order(List.of(inventoryLine("0402299000", "0.9")), null);
        CanonicalOrder good = with(base, clearance("1"), parcel("1.35", "1.1"), base.payment(), "142", null);
        assertThatCode(() -> rules.check(submittedBy(MerchantRole.BROKER, Direction.IMPORT, good)))
                .doesNotThrowAnyException();

        CanonicalOrder.Declaration badCodes = new CanonicalOrder.Declaration("1", null, "1105910159", null, "51",
                "5141", "0000", "Q", null, null, null, null, "309", null, "8", null, null);
        CanonicalOrder bad = with(order(List.of(inventoryLine("04022990", null)), null), badCodes,
                parcel("1", "2"), base.payment(), "142", null);
        assertThat(errorsOf(submittedBy(MerchantRole.BROKER, Direction.IMPORT, bad))).extracting(RowError::rule)
                .containsExactlyInAnyOrder("CUSTOMS_CODE_FORMAT", "TRADE_MODE_UNKNOWN", "TRANSPORT_MODE_UNKNOWN",
                        "WRAP_TYPE_UNKNOWN", "NET_WEIGHT_ABOVE_GROSS", "HS_CODE_FORMAT", "FIELD_REQUIRED");
    }

    @Test
    void exportOrdersAreInTheirOwnCurrencyButAKnownOne() {
        CanonicalOrder base = order(List.of(line(2, 1, "1", "1", "1")), null);
        CanonicalOrder dollars = with(base, null, null, base.payment(), "502", null);
        assertThatCode(() -> rules.check(submittedBy(MerchantRole.PLATFORM, Direction.EXPORT, dollars)))
                .doesNotThrowAnyException();
        assertThat(errorsOf(submittedBy(MerchantRole.PLATFORM, Direction.IMPORT, dollars))).extracting(RowError::rule)
                .containsExactly("CURRENCY_NOT_RMB");
        CanonicalOrder unknown = with(base, null, null, base.payment(), "999", null);
        assertThat(errorsOf(submittedBy(MerchantRole.PLATFORM, Direction.EXPORT, unknown))).extracting(RowError::rule)
                .containsExactly("CURRENCY_UNKNOWN");
    }

    @Test
    void anExportInventoryListRefusesAnOrderNumberTooLongToServeAsCopNo() {
        CanonicalOrder base = order(List.of(inventoryLine("6214100000", "0.2")), null);
        CanonicalOrder.Declaration export = new CanonicalOrder.Declaration("1", null, "1105910159", null, "5141",
                "5141", "9610", "5", null, null, null, null, null, "LAX", "2", null, null);
        CanonicalOrder fits = with(renamed(base, "E".repeat(30)), export, parcel("1.2", "1.0"),
                base.payment(), "142", null);
        assertThatCode(() -> rules.check(submittedBy(MerchantRole.BROKER, Direction.EXPORT, fits)))
                .doesNotThrowAnyException();
        CanonicalOrder tooLong = with(renamed(base, "E".repeat(31)), export, parcel("1.2", "1.0"),
                base.payment(), "142", null);
        assertThat(errorsOf(submittedBy(MerchantRole.BROKER, Direction.EXPORT, tooLong)))
                .singleElement().satisfies(e -> {
                    assertThat(e.rule()).isEqualTo("FIELD_LENGTH");
                    assertThat(e.message()).contains("copNo", "give cop_no");
                });
    }

    @Test
    void inventoryListsTakeAtMost20CharactersOfTheItemNumber() {
        OrderLine l = inventoryLine("0402299000", "0.9");
        OrderLine longSku = new OrderLine(l.sourceRow(), l.gnum(), "S".repeat(21), l.itemName(), l.model(),
                l.barCode(), l.unit(), l.quantity(), l.price(), l.totalPrice(), l.country(), l.note(), l.customs());
        CanonicalOrder base = order(List.of(longSku), null);
        CanonicalOrder inventory = with(base, clearance("1"), parcel("1.35", "1.1"), base.payment(), "142", null);
        assertThatCode(() -> rules.check(submitted(inventory))).as("an order takes 30").doesNotThrowAnyException();
        assertThat(errorsOf(submittedBy(MerchantRole.BROKER, Direction.IMPORT, inventory)))
                .singleElement().satisfies(e -> {
                    assertThat(e.rule()).isEqualTo("FIELD_LENGTH");
                    assertThat(e.message()).contains("at most 20");
                });
    }

    @Test
    void bondedImportsDepartFromChina() {
        CanonicalOrder base = order(List.of(inventoryLine("0402299000", "0.9")), null);
        CanonicalOrder.Declaration fromNetherlands = new CanonicalOrder.Declaration("1", null, "1105910159", null,
                "5141", "5141", "1210", "5", null, null, null, null, "309", null, "2", null, null);
        CanonicalOrder bonded = with(base, fromNetherlands, parcel("1.35", "1.1"), base.payment(), "142", null);
        assertThat(errorsOf(submittedBy(MerchantRole.BROKER, Direction.IMPORT, bonded))).extracting(RowError::rule)
                .containsExactly("BONDED_COUNTRY_NOT_142");
        CanonicalOrder.Declaration fromBondedZone = new CanonicalOrder.Declaration("1", null, "1105910159", null,
                "5141", "5141", "1210", "5", null, null, null, null, "142", null, "2", null, null);
        CanonicalOrder good = with(base, fromBondedZone, parcel("1.35", "1.1"), base.payment(), "142", null);
        assertThatCode(() -> rules.check(submittedBy(MerchantRole.BROKER, Direction.IMPORT, good)))
                .doesNotThrowAnyException();
    }

    private static CanonicalOrder renamed(CanonicalOrder o, String orderNo) {
        return new CanonicalOrder(o.sourceRow(), orderNo, null, o.buyer(), o.consignee(), o.payment(), o.freight(),
                o.discount(), o.taxTotal(), o.actualPaid(), o.currency(), o.note(), o.lines(), o.sources(), null, null);
    }

    private List<RowError> errorsOf(SubmittedOrder submitted) {
        return catchThrowableOfType(OrderRejectedException.class, () -> rules.check(submitted)).errors();
    }

    private List<RowError> errorsOf(CanonicalOrder order) {
        return catchThrowableOfType(OrderRejectedException.class, () -> rules.check(submitted(order))).errors();
    }
}
