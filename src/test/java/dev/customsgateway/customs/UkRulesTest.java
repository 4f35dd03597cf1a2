package dev.customsgateway.customs;

import static dev.customsgateway.UkOrders.line;
import static dev.customsgateway.UkOrders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.customsgateway.UkOrders;
import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.core.OrderRejectedException;
import dev.customsgateway.core.RowError;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The UK low-value rules, each with a failing and a passing case, through {@link OrderRules} as the route calls it. */
class UkRulesTest {

    private static final StandingDeclarations NONE_DECLARED = (merchant, type, orderNo) -> Optional.empty();
    private static final OrderMessages NO_ORDER_MESSAGES = orderNo -> Optional.empty();

    private final OrderRules rules = rules(new UkLowValueProperties(null, null, null));

    @Test
    void acceptsAValidLowValueOrder() {
        assertThatCode(() -> check(order(List.of(line(2, 1, "61031010", "1", "89.90", "89.90", "CN")))))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"XI553202734852", "GB553202734852", "GB553202734852123"})
    void eoriIsGbOrXiWith12Or15Digits(String eori) {
        assertThatCode(() -> check(order("UK-1", "GBP", null, eori, List.of(valid())))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"XI55320273485", "FR553202734852", "XI5532027348521", "xi553202734852", "XI 553202734852"})
    void aMalformedConsigneeEoriNamesItsColumn(String eori) {
        assertThat(errors(order("UK-1", "GBP", null, eori, List.of(valid())))).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo("UK_EORI_FORMAT");
            assertThat(e.column()).isEqualTo("consignee_eori");
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.message()).contains("Importer/ID (DE 3/16 importer EORI)").contains("12 or 15 digits");
        });
    }

    @Test
    void aMalformedMerchantEoriNamesTheMerchantRecordsField() {
        Merchant bad = UkOrders.merchant("XI60320273485", null, "2");
        List<RowError> errors = errors(rules, bad, order(List.of(valid())));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo("UK_EORI_FORMAT");
            assertThat(e.column()).isEqualTo("merchant_uk_declarant.eori");
            assertThat(e.message()).contains("declarant's EORI (DE 3/18)");
        });
    }

    @Test
    void theMerchantsDeclarationTypeRepresentationAndTransportModeAreChecked() {
        Merchant m = UkOrders.merchant();
        Merchant.UkDeclarant uk = m.uk();
        Merchant odd = new Merchant(m.id(), m.displayName(), m.role(), m.direction(), m.customs(),
                m.signingKeyAlias(), m.signatureProfile(), m.mappingProfile(), m.schemaVersions(), m.authority(),
                new Merchant.UkDeclarant(uk.eori(), uk.importerEori(), "1", "F", "55", uk.goodsLocation(),
                        uk.exporter()));
        assertThat(errors(rules, odd, order(List.of(valid())))).extracting(RowError::rule, RowError::column)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("UK_DECLARANT_INVALID", "merchant_uk_declarant.representation"),
                        org.assertj.core.groups.Tuple.tuple("UK_DECLARANT_INVALID",
                                "merchant_uk_declarant.additional_declaration_type"),
                        org.assertj.core.groups.Tuple.tuple("UK_DECLARANT_INVALID",
                                "merchant_uk_declarant.border_transport_mode"));
        Merchant arrivedForItself = new Merchant(m.id(), m.displayName(), m.role(), m.direction(), m.customs(),
                m.signingKeyAlias(), m.signatureProfile(), m.mappingProfile(), m.schemaVersions(), m.authority(),
                new Merchant.UkDeclarant(uk.eori(), null, null, "A", "1", uk.goodsLocation(), uk.exporter()));
        assertThatCode(() -> rules.check(UkOrders.submitted(arrivedForItself, order(List.of(valid())))))
                .doesNotThrowAnyException();
    }

    @Test
    void aMerchantWithoutUkDetailsIsRefusedClearly() {
        Merchant m = UkOrders.merchant();
        Merchant withoutDetails = new Merchant(m.id(), m.displayName(), m.role(), m.direction(), m.customs(),
                m.signingKeyAlias(), m.signatureProfile(), m.mappingProfile(), m.schemaVersions(), m.authority(), null);
        assertThat(errors(rules, withoutDetails, order(List.of(valid())))).extracting(RowError::rule)
                .containsExactly("UK_DECLARANT_MISSING");
    }

    @Test
    void theIntrinsicValueMayReachButNotExceedTheThreshold() {
        assertThatCode(() -> check(order(List.of(line(2, 1, "61031010", "1", "100", "100", "CN"),
                line(3, 2, "61031010", "1", "35", "35", "CN"))))).doesNotThrowAnyException();
        List<RowError> over = errors(order("UK-1", "GBP", "50", null, List.of(
                line(2, 1, "61031010", "1", "100", "100", "CN"), line(3, 2, "61031010", "1", "35.01", "35.01", "CN"))));
        assertThat(over).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo("UK_VALUE_OVER_THRESHOLD");
            assertThat(e.column()).isEqualTo("value");
            assertThat(e.value()).isEqualTo("135.01");
            assertThat(e.message()).contains("GBP 135.01").contains("at most GBP 135").contains("transport excluded");
        });
    }

    @Test
    void theThresholdIsConfigurable() {
        OrderRules higher = rules(new UkLowValueProperties(new BigDecimal("150"), "GBP", Map.of()));
        CanonicalOrder o = order(List.of(line(2, 1, "61031010", "1", "140", "140", "CN")));
        assertThatCode(() -> higher.check(UkOrders.submitted(UkOrders.merchant(), o))).doesNotThrowAnyException();
        assertThat(errors(o)).extracting(RowError::rule).containsExactly("UK_VALUE_OVER_THRESHOLD");
    }

    @Test
    void anotherCurrencyIsConvertedAtTheConfiguredRateAndRefusedWithoutOne() {
        OrderRules withUsd = rules(new UkLowValueProperties(null, null, Map.of("USD", new BigDecimal("0.8"))));
        CanonicalOrder usd140 = order("UK-1", "USD", null, null, List.of(line(2, 1, "970200", "1", "140", "140", "US")));
        assertThatCode(() -> withUsd.check(UkOrders.submitted(UkOrders.merchant(), usd140)))
                .as("USD 140 x 0.8 = GBP 112").doesNotThrowAnyException();
        CanonicalOrder usd170 = order("UK-1", "USD", null, null, List.of(line(2, 1, "970200", "1", "170", "170", "US")));
        assertThat(errors(withUsd, UkOrders.merchant(), usd170)).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo("UK_VALUE_OVER_THRESHOLD");
            assertThat(e.message()).contains("USD 170").contains("GBP 136.00 at the configured rate");
        });
        assertThat(errors(usd140)).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo("UK_CURRENCY_NO_RATE");
            assertThat(e.column()).isEqualTo("currency");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"6103101000", "6103101", "61031O10", "6103-1010", "61"})
    void aCommodityCodeOtherThan8Or6DigitsNamesItsColumn(String code) {
        assertThat(errors(order(List.of(line(2, 1, code, "1", "10", "10", "CN"))))).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo("UK_COMMODITY_CODE");
            assertThat(e.column()).isEqualTo("commodity_code");
            assertThat(e.message()).contains("Classification/ID (DE 6/14 commodity code)");
        });
    }

    @Test
    void sixAndEightDigitCommodityCodesPassAndAMissingOneIsRequired() {
        assertThatCode(() -> check(order(List.of(line(2, 1, "970200", "1", "10", "10", "CN"),
                line(3, 2, "97020000", "1", "10", "10", "CN"))))).doesNotThrowAnyException();
        assertThat(errors(order(List.of(line(2, 1, null, "1", "10", "10", "CN"))))).extracting(RowError::rule)
                .containsExactly("FIELD_REQUIRED");
    }

    @Test
    void currencyAndCountriesComeFromTheIsoTables() {
        assertThat(errors(order("UK-1", "142", null, null, List.of(valid())))).extracting(RowError::rule,
                RowError::column).containsExactly(org.assertj.core.groups.Tuple.tuple("UK_CURRENCY_UNKNOWN", "currency"));
        assertThat(errors(order("UK-1", "DEM", null, null, List.of(valid())))).as("obsolete")
                .extracting(RowError::rule).containsExactly("UK_CURRENCY_UNKNOWN");
        assertThat(errors(order(List.of(line(2, 1, "61031010", "1", "10", "10", "502")))))
                .extracting(RowError::rule, RowError::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("UK_COUNTRY_UNKNOWN", "origin_country"));
        assertThatCode(() -> check(order(List.of(line(2, 1, "61031010", "1", "10", "10", "DE")))))
                .doesNotThrowAnyException();
    }

    @Test
    void lengthsAndAmountPrecisionAreCheckedBeforeTheDocumentIsBuilt() {
        assertThat(errors(order("L".repeat(36), "GBP", null, null, List.of(valid()))))
                .extracting(RowError::rule, RowError::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FIELD_LENGTH", "order_no"));
        assertThat(errors(order(List.of(line(2, 1, "61031010", "1", "10.1234", "10.1234", "CN")))))
                .extracting(RowError::rule, RowError::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AMOUNT_FORMAT", "value"));
        assertThat(errors(order(List.of(line(2, 1, "61031010", "2", "10", "25", "CN"))))).extracting(RowError::rule)
                .containsExactly("TOTAL_PRICE_MISMATCH");
    }

    @Test
    void changesAndCancellationsAreNotSupportedYet() {
        assertThat(errors(UkOrders.asChange(order(List.of(valid()))))).extracting(RowError::rule)
                .containsExactly("UK_AMENDMENT_UNSUPPORTED");
    }

    private static dev.customsgateway.core.OrderLine valid() {
        return line(2, 1, "61031010", "1", "89.90", "89.90", "CN");
    }

    private static OrderRules rules(UkLowValueProperties limits) {
        return new OrderRules(new CodeLists(), NONE_DECLARED, NO_ORDER_MESSAGES, limits);
    }

    private void check(CanonicalOrder order) {
        rules.check(UkOrders.submitted(UkOrders.merchant(), order));
    }

    private List<RowError> errors(CanonicalOrder order) {
        return errors(rules, UkOrders.merchant(), order);
    }

    private static List<RowError> errors(OrderRules rules, Merchant merchant, CanonicalOrder order) {
        OrderRejectedException e = catchThrowableOfType(OrderRejectedException.class,
                () -> rules.check(UkOrders.submitted(merchant, order)));
        assertThat(e).as("the order is refused").isNotNull();
        return e.errors();
    }
}
