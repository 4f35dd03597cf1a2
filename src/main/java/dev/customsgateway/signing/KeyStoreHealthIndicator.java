package dev.customsgateway.signing;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code keyStore}, part of readiness: the signing key store is loaded and holds at least one
 * key whose certificate is valid now. Details name each alias with its expiry (no key material).
 */
@Component
class KeyStoreHealthIndicator implements HealthIndicator {

    private final SigningKeys keys;
    private final Clock clock;

    KeyStoreHealthIndicator(SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        Map<String, X509Certificate> certificates = keys.certificates();
        Map<String, Object> details = new LinkedHashMap<>();
        boolean anyValid = false;
        for (Map.Entry<String, X509Certificate> e : certificates.entrySet()) {
            Instant notAfter = e.getValue().getNotAfter().toInstant();
            boolean valid = !now.isBefore(e.getValue().getNotBefore().toInstant()) && now.isBefore(notAfter);
            anyValid |= valid;
            details.put(e.getKey(), Map.of("notAfter", notAfter.toString(), "valid", valid,
                    "daysLeft", Duration.between(now, notAfter).toDays()));
        }
        return (anyValid ? Health.up() : Health.down().withDetail("reason", "no signing key with a valid certificate"))
                .withDetail("keys", details).build();
    }
}
