package dev.customsgateway.signing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Prometheus gauge {@code gateway_signing_certificate_expiry_days{alias}}: days (fractional, negative once
 * expired) until each signing certificate's notAfter, so an alert fires well before customs refuses signatures.
 * The key store is reloaded without a restart, so {@code gateway_signing_keys} (the number of keys), read on
 * every scrape, also registers a gauge for any alias that appeared since; a removed alias reads NaN.
 */
@Component
class CertificateExpiryMetrics implements MeterBinder {

    private static final double SECONDS_PER_DAY = 86_400.0;

    private final SigningKeys keys;
    private final Clock clock;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    CertificateExpiryMetrics(SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("gateway.signing.keys", this, m -> m.registerAliases(registry).size())
                .description("Signing keys in the key store").register(registry);
        registerAliases(registry);
    }

    private Map<String, X509Certificate> registerAliases(MeterRegistry registry) {
        Map<String, X509Certificate> certificates = keys.certificates();
        for (String alias : certificates.keySet()) {
            if (registered.add(alias)) {
                Gauge.builder("gateway.signing.certificate.expiry.days", this, m -> m.daysLeft(alias))
                        .description("Days until the signing certificate expires").tag("alias", alias)
                        .register(registry);
            }
        }
        return certificates;
    }

    private double daysLeft(String alias) {
        X509Certificate certificate = keys.certificates().get(alias);
        if (certificate == null) {
            return Double.NaN;
        }
        return Duration.between(clock.instant(), certificate.getNotAfter().toInstant()).toSeconds() / SECONDS_PER_DAY;
    }
}
