package dev.customsgateway.customs;

import static dev.customsgateway.TestOrders.line;
import static dev.customsgateway.TestOrders.order;
import static dev.customsgateway.TestOrders.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.OrderLine;
import dev.customsgateway.core.OrderRejectedException;
import dev.customsgateway.core.RowError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderRulesTest {

    private final OrderRules rules = new OrderRules(new CodeLists());

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

    private List<RowError> errorsOf(CanonicalOrder order) {
        return catchThrowableOfType(OrderRejectedException.class, () -> rules.check(submitted(order))).errors();
    }
}
