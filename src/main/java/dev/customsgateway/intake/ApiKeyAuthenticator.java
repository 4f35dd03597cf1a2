package dev.customsgateway.intake;

import dev.customsgateway.core.Merchant;
import org.springframework.stereotype.Component;

/** Resolves the {@code X-API-Key} header to an enabled merchant, or refuses. */
@Component
class ApiKeyAuthenticator {

    private final ApiKeys apiKeys;
    private final MerchantRepository merchants;

    ApiKeyAuthenticator(ApiKeys apiKeys, MerchantRepository merchants) {
        this.apiKeys = apiKeys;
        this.merchants = merchants;
    }

    Merchant authenticate(String presentedKey) throws NotAuthenticated {
        return apiKeys.merchantOf(presentedKey)
                .flatMap(merchants::findEnabled)
                .orElseThrow(NotAuthenticated::new);
    }

    /** No key, an unknown or revoked key, or a disabled merchant: all look the same from outside. */
    static final class NotAuthenticated extends Exception {
        NotAuthenticated() {
            super("a valid X-API-Key header is required", null, false, false);
        }
    }
}
