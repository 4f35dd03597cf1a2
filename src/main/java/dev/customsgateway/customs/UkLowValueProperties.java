package dev.customsgateway.customs;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The UK low-value declaration's limits.
 *
 * @param threshold          the most a consignment's intrinsic value (the sum of its goods items' customs values,
 *                           transport excluded) may be for the SRDS declaration: GBP 135 (HMRC's SRDS samples)
 * @param thresholdCurrency  the currency of {@code threshold}
 * @param exchangeRates      for orders in another currency: how much one unit of it is worth in
 *                           {@code thresholdCurrency} (e.g. HMRC's monthly exchange rate); none are built in, and
 *                           an order in a currency without a rate is refused rather than guessed
 */
@ConfigurationProperties("gateway.uk")
record UkLowValueProperties(BigDecimal threshold, String thresholdCurrency, Map<String, BigDecimal> exchangeRates) {

    UkLowValueProperties {
        threshold = threshold == null ? new BigDecimal("135") : threshold;
        thresholdCurrency = thresholdCurrency == null ? "GBP" : thresholdCurrency;
        exchangeRates = exchangeRates == null ? Map.of() : Map.copyOf(exchangeRates);
        if (threshold.signum() <= 0) {
            throw new IllegalArgumentException("gateway.uk.threshold must be greater than 0");
        }
        exchangeRates.forEach((currency, rate) -> {
            if (rate == null || rate.signum() <= 0) {
                throw new IllegalArgumentException("gateway.uk.exchange-rates." + currency + " must be greater than 0");
            }
        });
    }
}
