package dev.customsgateway.customs;

import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.OrderLine;
import dev.customsgateway.core.OrderRejectedException;
import dev.customsgateway.core.RowError;
import dev.customsgateway.core.SubmittedOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The rules customs applies to an import order (CEB311) that the XSD leaves out: code tables, arithmetic,
 * the buyer's identity, field lengths. Each broken rule is a {@link RowError} with a stable code, the row and
 * column it concerns and the field's customs and Chinese name. Used by the {@code pipeline-order} route before
 * mapping; an order with errors is rejected as a whole and the file goes on.
 */
@Component("orderRules")
class OrderRules {

    /** Merchants round line totals to cents; a difference up to this much is rounding, not an error. */
    static final BigDecimal ROUNDING_TOLERANCE = new BigDecimal("0.01");
    private static final int MAX_LINES = 99;
    private static final String RMB = "142";
    private static final Pattern DISTRICT = Pattern.compile("\\d{6}");

    private final CodeLists codes;

    OrderRules(CodeLists codes) {
        this.codes = codes;
    }

    public SubmittedOrder check(SubmittedOrder submitted) {
        List<RowError> errors = new ArrayList<>(submitted.readErrors());
        CanonicalOrder order = submitted.order();
        if (order != null) {
            new Check(order, errors).all();
        }
        if (!errors.isEmpty()) {
            throw new OrderRejectedException(errors);
        }
        return submitted;
    }

    /** One run of the rules over one order. */
    private final class Check {
        private final CanonicalOrder order;
        private final List<RowError> errors;
        private final int row;

        Check(CanonicalOrder order, List<RowError> errors) {
            this.order = order;
            this.errors = errors;
            this.row = order.sourceRow();
        }

        void all() {
            length(row, OrderField.ORDER_NO, order.orderNo());
            buyer(order.buyer());
            consignee(order.consignee());
            length(row, OrderField.PAY_CODE, order.payment().payCode());
            length(row, OrderField.PAY_NAME, order.payment().payName());
            length(row, OrderField.PAY_TRANSACTION_ID, order.payment().transactionId());
            length(row, OrderField.ORDER_NOTE, order.note());
            if (order.currency() != null && !RMB.equals(order.currency())) {
                add(row, OrderField.CURRENCY, order.currency(), "CURRENCY_NOT_RMB", OrderField.CURRENCY.label()
                        + " must be 142 (人民币, RMB): import orders are declared in RMB; convert the amounts first");
            }
            amount(row, OrderField.FREIGHT, order.freight(), true);
            amount(row, OrderField.DISCOUNT, order.discount(), true);
            amount(row, OrderField.TAX_TOTAL, order.taxTotal(), true);
            if (order.lines().size() > MAX_LINES) {
                add(row, OrderField.ORDER_NO, order.orderNo(), "ORDER_TOO_MANY_LINES",
                        "an order may have at most " + MAX_LINES + " goods lines (OrderList); it has "
                                + order.lines().size());
            }
            order.lines().forEach(this::line);
            actualPaid();
        }

        private void buyer(CanonicalOrder.Buyer buyer) {
            length(row, OrderField.BUYER_REG_NO, buyer.regNo());
            length(row, OrderField.BUYER_NAME, buyer.name());
            length(row, OrderField.BUYER_PHONE, buyer.telephone());
            if (!"1".equals(buyer.idType())) {
                add(row, OrderField.BUYER_ID_TYPE, buyer.idType(), "BUYER_ID_TYPE_NOT_ALLOWED",
                        OrderField.BUYER_ID_TYPE.label() + " must be 1 (身份证, resident identity card): customs "
                                + "accepts only that for import orders");
            } else if (length(row, OrderField.BUYER_ID_NUMBER, buyer.idNumber())
                    && !ChineseResidentId.isValid(buyer.idNumber())) {
                add(row, OrderField.BUYER_ID_NUMBER, buyer.idNumber(), "BUYER_ID_NUMBER_INVALID",
                        OrderField.BUYER_ID_NUMBER.label() + " is not a valid 18-character resident identity "
                                + "number (date of birth or check character wrong)");
            }
        }

        private void consignee(CanonicalOrder.Consignee consignee) {
            length(row, OrderField.CONSIGNEE, consignee.name());
            length(row, OrderField.CONSIGNEE_PHONE, consignee.telephone());
            length(row, OrderField.CONSIGNEE_ADDRESS, consignee.address());
            if (consignee.district() != null && !DISTRICT.matcher(consignee.district()).matches()) {
                add(row, OrderField.CONSIGNEE_DISTRICT, consignee.district(), "DISTRICT_INVALID",
                        OrderField.CONSIGNEE_DISTRICT.label() + " must be a 6-digit administrative division code");
            }
        }

        private void line(OrderLine line) {
            int r = line.sourceRow();
            length(r, OrderField.ITEM_NO, line.itemNo());
            length(r, OrderField.ITEM_NAME, line.itemName());
            length(r, OrderField.ITEM_MODEL, line.model());
            length(r, OrderField.BAR_CODE, line.barCode());
            length(r, OrderField.ITEM_NOTE, line.note());
            if (codes.unit(line.unit()).isEmpty()) {
                add(r, OrderField.UNIT, line.unit(), "UNIT_UNKNOWN", OrderField.UNIT.label()
                        + " must be a customs unit code (3 digits, e.g. 007 个, 011 件, 035 千克)");
            }
            if (codes.country(line.country()).isEmpty()) {
                add(r, OrderField.COUNTRY, line.country(), "COUNTRY_UNKNOWN", OrderField.COUNTRY.label()
                        + " must be a customs country code (3 digits, e.g. 502 美国, 116 日本, 304 德国)");
            }
            if (line.quantity() == null) {
                add(r, OrderField.QTY, null, "FIELD_REQUIRED", OrderField.QTY.label() + " is required");
            } else if (amount(r, OrderField.QTY, line.quantity(), true) && line.quantity().signum() == 0) {
                add(r, OrderField.QTY, line.quantity().toPlainString(), "AMOUNT_NOT_POSITIVE",
                        OrderField.QTY.label() + " must be greater than 0");
            }
            if (line.price() == null) {
                add(r, OrderField.PRICE, null, "FIELD_REQUIRED", OrderField.PRICE.label() + " is required");
            } else {
                amount(r, OrderField.PRICE, line.price(), true);
            }
            amount(r, OrderField.TOTAL_PRICE, line.totalPrice(), true);
            if (line.quantity() != null && line.price() != null) {
                BigDecimal expected = line.quantity().multiply(line.price());
                if (expected.subtract(line.totalPrice()).abs().compareTo(ROUNDING_TOLERANCE) > 0) {
                    add(r, OrderField.TOTAL_PRICE, line.totalPrice().toPlainString(), "TOTAL_PRICE_MISMATCH",
                            OrderField.TOTAL_PRICE.label() + " must equal qty x price = "
                                    + expected.stripTrailingZeros().toPlainString());
                }
            }
        }

        /** acturalPaid = goodsValue + freight + taxTotal - discount; customs compares it with the payment. */
        private void actualPaid() {
            if (order.actualPaid() == null) {
                return; // computed by the mapping
            }
            BigDecimal expected = order.goodsValue().add(order.freight()).add(order.taxTotal())
                    .subtract(order.discount());
            if (expected.subtract(order.actualPaid()).abs().compareTo(ROUNDING_TOLERANCE) > 0) {
                add(row, OrderField.ACTUAL_PAID, order.actualPaid().toPlainString(), "ACTUAL_PAID_MISMATCH",
                        OrderField.ACTUAL_PAID.label() + " must equal goods value + freight + tax - discount = "
                                + expected.stripTrailingZeros().toPlainString());
            } else if (amount(row, OrderField.ACTUAL_PAID, order.actualPaid(), true)
                    && order.actualPaid().signum() == 0) {
                add(row, OrderField.ACTUAL_PAID, "0", "AMOUNT_NOT_POSITIVE",
                        OrderField.ACTUAL_PAID.label() + " must be greater than 0");
            }
        }

        /** Checks length limits; returns true when the value is present and within them. */
        private boolean length(int r, OrderField field, String value) {
            int length = value == null ? 0 : value.codePointCount(0, value.length());
            if (length == 0 && field.minLength > 0) {
                add(r, field, value, "FIELD_REQUIRED", field.label() + " is required");
                return false;
            }
            if (length > field.maxLength || (length > 0 && length < field.minLength)) {
                add(r, field, value, "FIELD_LENGTH", field.label() + " must be "
                        + (field.minLength == field.maxLength ? "exactly " + field.maxLength
                                : "at most " + field.maxLength) + " characters; it has " + length);
                return false;
            }
            return length > 0;
        }

        /** Amounts are decimal(19,5) in the XSD and never negative; returns true when the value fits. */
        private boolean amount(int r, OrderField field, BigDecimal value, boolean zeroAllowed) {
            if (value == null) {
                return false;
            }
            if (value.signum() < 0) {
                add(r, field, value.toPlainString(), "AMOUNT_NEGATIVE", field.label() + " must not be negative");
                return false;
            }
            BigDecimal normal = value.stripTrailingZeros();
            if (normal.scale() > 5 || normal.precision() - normal.scale() > 14) {
                add(r, field, value.toPlainString(), "AMOUNT_FORMAT", field.label()
                        + " must have at most 14 digits before and 5 after the decimal point");
                return false;
            }
            return zeroAllowed || value.signum() > 0;
        }

        private void add(int r, OrderField field, String value, String rule, String message) {
            errors.add(RowError.of(field.canonical, r, order.sourceOf(field.canonical), value, rule, message));
        }
    }
}
