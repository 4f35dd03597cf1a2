package dev.customsgateway.intake;

import dev.customsgateway.core.Merchant;
import org.springframework.stereotype.Component;

/**
 * Resolves the {@code X-API-Key} header to an enabled merchant, or refuses; then takes one token from the
 * merchant's request budget ({@link MerchantRateLimiter}), so every merchant endpoint is rate-limited.
 */
@Component
class ApiKeyAuthenticator {

    private final ApiKeys apiKeys;
    private final MerchantRepository merchants;
    private final MerchantRateLimiter rateLimiter;

    ApiKeyAuthenticator(ApiKeys apiKeys, MerchantRepository merchants, MerchantRateLimiter rateLimiter) {
        this.apiKeys = apiKeys;
        this.merchants = merchants;
        this.rateLimiter = rateLimiter;
    }

    Merchant authenticate(String presentedKey) throws NotAuthenticated {
        Merchant merchant = apiKeys.merchantOf(presentedKey)
                .flatMap(merchants::findEnabled)
                .orElseThrow(NotAuthenticated::new);
        rateLimiter.acquire(merchant.id());
        return merchant;
    }

    /** No key, an unknown or revoked key, or a disabled merchant: all look the same from outside. */
    static final class NotAuthenticated extends Exception {
        NotAuthenticated() {
            super("a valid X-API-Key header is required", null, false, false);
        }
    }
}
