package dev.customsgateway.intake;

import dev.customsgateway.core.MerchantApiKeys;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@link MerchantApiKeys} over {@link ApiKeys}: the console issues and revokes keys exactly as the operator API does. */
@Component
class ApiKeyAdministration implements MerchantApiKeys {

    private final ApiKeys keys;
    private final Clock clock;

    ApiKeyAdministration(ApiKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public List<Key> list(String merchantId) {
        return keys.list(merchantId).stream()
                .map(k -> new Key(k.id(), k.label(), k.prefix(), k.createdAt(), k.revokedAt())).toList();
    }

    @Override
    public Issued issue(String merchantId, String label) {
        ApiKeys.IssuedKey issued = keys.issue(merchantId, label, OffsetDateTime.now(clock));
        return new Issued(issued.id(), issued.prefix(), issued.key());
    }

    @Override
    public boolean revoke(String merchantId, String keyId) {
        return keys.revoke(merchantId, keyId, OffsetDateTime.now(clock));
    }
}
