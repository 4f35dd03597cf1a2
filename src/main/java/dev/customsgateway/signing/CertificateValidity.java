package dev.customsgateway.signing;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Watches signing certificates: signing with an expired or not-yet-valid certificate is refused (customs would
 * reject the message anyway, later and less clearly), and a warning is logged once a day per key from
 * {@code gateway.signing.expiry-warning} (30 days) before expiry, so operators renew in time.
 */
@Component
class CertificateValidity {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateValidity.class);

    private final Clock clock;
    private final Duration warning;
    private final Map<String, LocalDate> warnedOn = new ConcurrentHashMap<>();

    CertificateValidity(Clock clock, SigningProperties properties) {
        this.clock = clock;
        this.warning = properties.expiryWarning();
    }

    /** Fails when the certificate cannot be used now; warns when it expires soon. */
    void requireUsable(String alias, X509Certificate certificate) {
        Instant now = clock.instant();
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        String which = "the certificate of signing key '" + alias + "' (serial "
                + certificate.getSerialNumber().toString(16) + ")";
        if (now.isBefore(notBefore)) {
            throw new CertificateNotUsableException(which + " is not valid before " + notBefore
                    + "; refusing to sign");
        }
        if (now.isAfter(notAfter)) {
            throw new CertificateNotUsableException(which + " expired on " + notAfter
                    + "; refusing to sign: import a renewed certificate");
        }
        if (now.plus(warning).isAfter(notAfter)) {
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            if (!today.equals(warnedOn.put(alias, today))) {
                LOG.warn("{} expires on {} ({} days left): renew it", which, notAfter,
                        Duration.between(now, notAfter).toDays());
            }
        }
    }

    /** Signing was refused because of the certificate's validity period. */
    static final class CertificateNotUsableException extends IllegalStateException {
        CertificateNotUsableException(String message) {
            super(message);
        }
    }
}
