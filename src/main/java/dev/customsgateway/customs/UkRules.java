package dev.customsgateway.customs;

import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.core.OrderLine;
import dev.customsgateway.core.RowError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of the UK low-value (SRDS, 1H7 + C07) declaration that HMRC's schema leaves out: EORI format, the
 * low-value threshold, the commodity code's shape, ISO currency and country codes, lengths and amount
 * precision before the document is built. Each broken rule is a {@link RowError} with a stable code naming the
 * merchant's column (or the merchant record's field).
 *
 * <p>Threshold: the consignment's intrinsic value is the sum of its items' customs values (DE 4/18), transport
 * (DE 4/19) excluded; in another currency than the threshold's it is converted with the configured rate, and
 * compared unrounded (HMRC's samples: "remains at less than GBP 135").
 */
final class UkRules {

    /** GB or XI and 12 digits (the form in all of HMRC's samples), or 15 digits. */
    static final Pattern EORI = Pattern.compile("(GB|XI)(\\d{12}|\\d{15})");
    /** 8 digits (combined nomenclature, most samples) or 6 (HS subheading, TT_IM124a). */
    static final Pattern COMMODITY_CODE = Pattern.compile("\\d{8}|\\d{6}");
    private static final Pattern ADDITIONAL_TYPE = Pattern.compile("[AD]");
    private static final Pattern REPRESENTATION = Pattern.compile("[23]");
    private static final Pattern TRANSPORT_MODE = Pattern.compile("\\d");
    private static final int MAX_ITEMS = 999; // GovernmentAgencyGoodsItem maxOccurs
    private static final int AMOUNT_INTEGER_DIGITS = 13; // n..16,3
    private static final int AMOUNT_FRACTION_DIGITS = 3;

    private final CodeLists codes;
    private final UkLowValueProperties limits;
    private final CanonicalOrder order;
    private final List<RowError> errors;

    private UkRules(CodeLists codes, UkLowValueProperties limits, CanonicalOrder order, List<RowError> errors) {
        this.codes = codes;
        this.limits = limits;
        this.order = order;
        this.errors = errors;
    }

    /** Checks one order declared by a UK merchant; adds what is wrong to {@code errors}. */
    static void check(CanonicalOrder order, Merchant merchant, CodeLists codes, UkLowValueProperties limits,
            List<RowError> errors) {
        new UkRules(codes, limits, order, errors).check(merchant);
    }

    private void check(Merchant merchant) {
        int row = order.sourceRow();
        if (!"1".equals(order.declaration().appType())) {
            add(row, UkField.DECLARATION_TYPE, order.declaration().appType(), "UK_AMENDMENT_UNSUPPORTED",
                    "only new UK declarations (declaration type 1) are supported; amend or cancel through HMRC");
        }
        merchant(merchant, row);
        length(row, UkField.LRN, order.orderNo());
        consignee(row);
        boolean currencyKnown = currency(row);
        amount(row, UkField.FREIGHT, order.freight());
        if (order.lines().isEmpty()) {
            add(row, UkField.DESCRIPTION, null, "FIELD_REQUIRED", "a declaration needs at least one goods item");
        }
        if (order.lines().size() > MAX_ITEMS) {
            add(row, UkField.LRN, order.orderNo(), "UK_TOO_MANY_ITEMS",
                    "a declaration may have at most " + MAX_ITEMS + " goods items; it has " + order.lines().size());
        }
        boolean valuesKnown = true;
        for (OrderLine line : order.lines()) {
            valuesKnown &= line(line);
        }
        if (currencyKnown && valuesKnown) {
            threshold(row);
        }
    }

    /** The merchant record's EORIs: an administrator's mistake, reported on every order until it is fixed. */
    private void merchant(Merchant merchant, int row) {
        Merchant.UkDeclarant uk = merchant.uk();
        if (uk == null) {
            errors.add(new RowError(row, "merchant_uk_declarant", null, "UK_DECLARANT_MISSING", "merchant "
                    + merchant.id() + " declares to HMRC but has no UK declarant details (EORI, goods location, "
                    + "exporter)"));
            return;
        }
        eori(row, "merchant_uk_declarant.eori", uk.eori(), "the declarant's EORI (DE 3/18)");
        if (uk.importerEori() != null) {
            eori(row, "merchant_uk_declarant.importer_eori", uk.importerEori(), "the importer's EORI (DE 3/16)");
        }
        declarant(row, "additional_declaration_type", uk.additionalDeclarationType(), ADDITIONAL_TYPE,
                "DE 1/2 must be D (pre-lodged) or A (arrived), the types HMRC's SRDS samples declare");
        if (uk.representation() != null) {
            declarant(row, "representation", uk.representation(), REPRESENTATION,
                    "DE 3/21 must be 2 (direct representation, as in HMRC's samples) or 3 (indirect), or empty when "
                            + "the declarant declares for itself");
        }
        declarant(row, "border_transport_mode", uk.borderTransportMode(), TRANSPORT_MODE,
                "DE 7/4 must be one digit (5: postal consignment, 1: sea, as in HMRC's samples)");
    }

    private void declarant(int row, String column, String value, Pattern shape, String rule) {
        if (value == null || !shape.matcher(value).matches()) {
            errors.add(new RowError(row, "merchant_uk_declarant." + column, value, "UK_DECLARANT_INVALID", rule));
        }
    }

    private void eori(int row, String column, String value, String what) {
        if (value == null || !EORI.matcher(value).matches()) {
            errors.add(new RowError(row, column, value, "UK_EORI_FORMAT", what
                    + " must be GB or XI followed by 12 or 15 digits, e.g. XI603202734852"));
        }
    }

    private void consignee(int row) {
        CanonicalOrder.Consignee c = order.consignee();
        length(row, UkField.CONSIGNEE, c.name());
        length(row, UkField.CONSIGNEE_LINE, c.address());
        length(row, UkField.CONSIGNEE_CITY, c.city());
        length(row, UkField.CONSIGNEE_POSTCODE, c.postcode());
        if (present(c.country()) && !codes.isoCountry(c.country())) {
            add(row, UkField.CONSIGNEE_COUNTRY, c.country(), "UK_COUNTRY_UNKNOWN",
                    UkField.CONSIGNEE_COUNTRY.label() + " must be an ISO 3166 alpha-2 country code, e.g. GB");
        }
        if (present(c.eori()) && !EORI.matcher(c.eori()).matches()) {
            add(row, UkField.CONSIGNEE_EORI, c.eori(), "UK_EORI_FORMAT", UkField.CONSIGNEE_EORI.label()
                    + " must be GB or XI followed by 12 or 15 digits, e.g. XI553202734852");
        }
    }

    private boolean currency(int row) {
        String currency = order.currency();
        if (!present(currency)) {
            add(row, UkField.CURRENCY, currency, "FIELD_REQUIRED", UkField.CURRENCY.label() + " is required");
            return false;
        }
        if (!codes.isoCurrency(currency)) {
            add(row, UkField.CURRENCY, currency, "UK_CURRENCY_UNKNOWN", UkField.CURRENCY.label()
                    + " must be an ISO 4217 alphabetic code from the shipped table, e.g. GBP, EUR, USD");
            return false;
        }
        if (!currency.equals(limits.thresholdCurrency()) && !limits.exchangeRates().containsKey(currency)) {
            add(row, UkField.CURRENCY, currency, "UK_CURRENCY_NO_RATE", "the value cannot be checked against the "
                    + limits.thresholdCurrency() + " " + limits.threshold().toPlainString() + " threshold: no "
                    + "exchange rate for " + currency + " is configured (gateway.uk.exchange-rates)");
            return false;
        }
        return true;
    }

    /** One goods item; returns whether its customs value is usable for the threshold. */
    private boolean line(OrderLine line) {
        int r = line.sourceRow();
        length(r, UkField.DESCRIPTION, line.itemName());
        String code = line.customs().hsCode();
        if (!present(code)) {
            add(r, UkField.COMMODITY_CODE, code, "FIELD_REQUIRED", UkField.COMMODITY_CODE.label() + " is required");
        } else if (!COMMODITY_CODE.matcher(code).matches()) {
            add(r, UkField.COMMODITY_CODE, code, "UK_COMMODITY_CODE", UkField.COMMODITY_CODE.label()
                    + " must be 8 digits (combined nomenclature) or 6 (HS subheading), as HMRC's SRDS samples "
                    + "declare it; it has " + code.length() + " characters");
        }
        if (!present(line.country())) {
            add(r, UkField.ORIGIN, line.country(), "FIELD_REQUIRED", UkField.ORIGIN.label() + " is required");
        } else if (!codes.isoCountry(line.country())) {
            add(r, UkField.ORIGIN, line.country(), "UK_COUNTRY_UNKNOWN", UkField.ORIGIN.label()
                    + " must be an ISO 3166 alpha-2 country code, e.g. CN, US, DE");
        }
        if (line.totalPrice() == null) {
            add(r, UkField.CUSTOMS_VALUE, null, "FIELD_REQUIRED", UkField.CUSTOMS_VALUE.label() + " is required");
            return false;
        }
        if (line.quantity() != null && line.price() != null) {
            BigDecimal expected = line.quantity().multiply(line.price());
            if (expected.subtract(line.totalPrice()).abs().compareTo(OrderRules.ROUNDING_TOLERANCE) > 0) {
                add(r, UkField.CUSTOMS_VALUE, line.totalPrice().toPlainString(), "TOTAL_PRICE_MISMATCH",
                        UkField.CUSTOMS_VALUE.label() + " must equal qty x price = "
                                + expected.stripTrailingZeros().toPlainString());
            }
        }
        return amount(r, UkField.CUSTOMS_VALUE, line.totalPrice());
    }

    private void threshold(int row) {
        BigDecimal value = order.goodsValue();
        String currency = order.currency();
        BigDecimal converted = currency.equals(limits.thresholdCurrency()) ? value
                : value.multiply(limits.exchangeRates().get(currency));
        if (converted.compareTo(limits.threshold()) > 0) {
            String inThreshold = currency.equals(limits.thresholdCurrency()) ? ""
                    : " (" + limits.thresholdCurrency() + " " + converted.setScale(2, RoundingMode.HALF_UP)
                            .toPlainString() + " at the configured rate)";
            add(row, UkField.CUSTOMS_VALUE, value.toPlainString(), "UK_VALUE_OVER_THRESHOLD",
                    "the consignment's intrinsic value (the sum of its items' " + UkField.CUSTOMS_VALUE.label()
                            + ", transport excluded) is " + currency + " " + value.stripTrailingZeros()
                            .toPlainString() + inThreshold + "; a low-value declaration (1H7, C07) allows at most "
                            + limits.thresholdCurrency() + " " + limits.threshold().toPlainString()
                            + ": declare it with a full declaration");
        }
    }

    /** Amounts are n..16,3 in the schema and never negative; returns whether the value fits. */
    private boolean amount(int row, UkField field, BigDecimal value) {
        if (value == null) {
            return true;
        }
        if (value.signum() < 0) {
            add(row, field, value.toPlainString(), "AMOUNT_NEGATIVE", field.label() + " must not be negative");
            return false;
        }
        BigDecimal normal = value.stripTrailingZeros();
        if (normal.scale() > AMOUNT_FRACTION_DIGITS || normal.precision() - normal.scale() > AMOUNT_INTEGER_DIGITS) {
            add(row, field, value.toPlainString(), "AMOUNT_FORMAT", field.label() + " must have at most "
                    + AMOUNT_INTEGER_DIGITS + " digits before and " + AMOUNT_FRACTION_DIGITS
                    + " after the decimal point");
            return false;
        }
        return true;
    }

    /** Presence and length as the schema counts them (characters). */
    private void length(int row, UkField field, String value) {
        int length = value == null ? 0 : value.codePointCount(0, value.length());
        if (length == 0 && field.minLength > 0) {
            add(row, field, value, "FIELD_REQUIRED", field.label() + " is required");
        } else if (length > field.maxLength) {
            add(row, field, value, "FIELD_LENGTH", field.label() + " must be at most " + field.maxLength
                    + " characters; it has " + length);
        } else if (length > 0 && value.isBlank()) {
            add(row, field, value, "FIELD_REQUIRED", field.label() + " must not be blank");
        }
    }

    private void add(int row, UkField field, String value, String rule, String message) {
        errors.add(RowError.of(field.canonical, row, order.sourceOf(field.canonical), value, rule, message));
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }
}
